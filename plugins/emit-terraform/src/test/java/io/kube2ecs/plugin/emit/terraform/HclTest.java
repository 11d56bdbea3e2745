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

    /**
     * The layout of a body depends on whether each value takes one line; {@code multiline} decides it
     * without rendering, and must agree with the rendered text for any value.
     */
    @Test
    void aValueIsMultilineExactlyWhenItsRenderedTextHasALineBreak() {
        java.util.Random random = new java.util.Random(20261127);
        for (int i = 0; i < 5_000; i++) {
            Hcl.Expr expr = randomExpr(random, 0);
            int depth = random.nextInt(3);
            assertThat(Hcl.multiline(expr)).as("%s", expr).isEqualTo(Hcl.render(expr, depth).contains("\n"));
        }
    }

    private static Hcl.Expr randomExpr(java.util.Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 4 : 7);
        switch (kind) {
            case 0:
                return Hcl.str(random.nextBoolean() ? "plain" : "line\nbreak ${x} %{y}");
            case 1:
                return Hcl.raw(random.nextInt(4) == 0 ? "<<EOT\nheredoc\nEOT" : "var.x");
            case 2:
                return new Hcl.Num(random.nextInt(100));
            case 3:
                return new Hcl.Bool(random.nextBoolean());
            case 4:
                return new Hcl.Call("jsonencode", randomExpr(random, depth + 1));
            case 5: {
                List<Hcl.Expr> items = new java.util.ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    items.add(randomExpr(random, depth + 1));
                }
                return new Hcl.ListExpr(items);
            }
            default: {
                Hcl.ObjExpr object = Hcl.object();
                for (int i = random.nextInt(3); i > 0; i--) {
                    object.fields().put("k" + i, randomExpr(random, depth + 1));
                }
                return object;
            }
        }
    }
}
