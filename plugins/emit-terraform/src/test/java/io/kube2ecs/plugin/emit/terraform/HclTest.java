package io.kube2ecs.plugin.emit.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HclTest {

    @Test
    void stringsAreEscapedSoUserValuesAreNeverInterpolated() {
        assertThat(Hcl.render(Hcl.str("echo ${HOME} %{if x}y%{endif} \"q\" a\\b\nnext\ttab $x %d"), 0))
                .isEqualTo("\"echo $${HOME} %%{if x}y%%{endif} \\\"q\\\" a\\\\b\\nnext\\ttab $x %d\"");
    }

    @Test
    void templatesEscapeTheirLiteralPart() {
        assertThat(Hcl.render(Hcl.template("aws_secretsmanager_secret.db.arn", ":pa${ss}::"), 0))
                .isEqualTo("\"${aws_secretsmanager_secret.db.arn}:pa$${ss}::\"");
    }

    @Test
    void equalsSignsAlignAcrossRunsOfSingleLineAttributesAsTerraformFmtDoes() {
        Hcl.ObjExpr object = Hcl.object();
        object.fields().put("k", new Hcl.Num(1));
        object.fields().put("longkey", new Hcl.Num(2));
        String text = Hcl.block("resource", new Hcl.Body().attr("name", "a").attr("longer_name", "b")
                .attr("obj", object).attr("after", 3)
                .block("block", new Hcl.Body().attr("x", 1).attr("yy", 2))
                .attr("list", Hcl.strings(List.of("a", "b"))).attr("awslogs-group", "g").attr("com.docker.label", "x"), "aws_x", "a");
        assertThat(text).isEqualTo("""
                resource "aws_x" "a" {
                  name        = "a"
                  longer_name = "b"
                  obj = {
                    k       = 1
                    longkey = 2
                  }
                  after = 3
                  block {
                    x  = 1
                    yy = 2
                  }
                  list               = ["a", "b"]
                  awslogs-group      = "g"
                  "com.docker.label" = "x"
                }

                """);
    }

    @Test
    void identifiersMatchTheirDefinitionByRegularExpressions() {
        java.util.Random random = new java.util.Random(7);
        String alphabet = "aZ09_-./:é ";
        for (int i = 0; i < 5000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(10); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String clean = text.toString().replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("_+", "_").replaceAll("^_|_$", "");
            String expected = clean.isEmpty() || !Character.isLetter(clean.charAt(0)) ? "r_" + clean : clean;
            assertThat(Names.identifier(text.toString())).as(text.toString()).isEqualTo(expected);
            // a key is written bare only when it is an HCL identifier, else quoted
            assertThat(Hcl.identifier(text.toString())).as(text.toString())
                    .isEqualTo(text.toString().matches("[A-Za-z_][A-Za-z0-9_-]*"));
        }
    }

    @Test
    void identifiersAreValidTerraformNames() {
        assertThat(Names.identifier("shop_web.v2")).isEqualTo("shop_web_v2");
        assertThat(Names.identifier("1st")).isEqualTo("r_1st");
        assertThat(Names.identifier("ingress/public")).isEqualTo("ingress_public");
    }
}
