package io.kube2ecs.plugin.emit.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.model.DeploymentModel;
import io.kube2ecs.api.model.EfsAccessPoint;
import io.kube2ecs.api.model.ModelIds;
import io.kube2ecs.api.model.StandardInputs;
import io.kube2ecs.api.model.TaskDefinition;
import io.kube2ecs.api.model.Value;
import io.kube2ecs.api.model.Volume;
import io.kube2ecs.testkit.GoldenHarness;
import io.kube2ecs.testkit.PipelineRunner;
import io.kube2ecs.testkit.RunResult;
import io.kube2ecs.testkit.SampleModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An {@link EfsAccessPoint} becomes an {@code aws_efs_access_point} in its namespace's file, in the
 * {@code efs_file_system_id} variable's file system; the task that mounts it names it in the EFS
 * volume's {@code authorization_config}. Expectations in {@code src/test/resources/golden/efs/}.
 */
class EfsTest {

    private static final String PLUGIN = "emit-terraform";

    @Test
    void anAccessPointIsCreatedAndTheTaskMountsItThroughIt() throws Exception {
        RunResult result = PipelineRunner.emit(PLUGIN, new TerraformEmitter(), SampleModels.claimShop(), Map.of());
        GoldenHarness.assertMatches(Path.of("src/test/resources/golden/efs"), result);

        assertThat(result.file("terraform/ns-shop.tf")).contains("resource \"aws_efs_access_point\" \"shop_uploads\"")
                .contains("file_system_id = var.efs_file_system_id").contains("path = \"/kube2ecs/shop/uploads\"")
                .contains("owner_gid   = 2000")
                .contains("posix_user {\n    gid = 2000\n    uid = 1000\n  }").contains("permissions = \"2775\"").contains("Name = \"shop-uploads\"");
        assertThat(result.file("terraform/shop-web.tf"))
                .contains("authorization_config {\n        access_point_id = aws_efs_access_point.shop_uploads.id\n        iam             = \"DISABLED\"")
                .contains("transit_encryption = \"ENABLED\"").doesNotContain("root_directory");
        assertThat(result.file("terraform/variables.tf")).contains("variable \"efs_file_system_id\"");
        assertThat(result.file("terraform/terraform.tfvars.example")).contains("efs_file_system_id = \"...\"");
        // the other files are as without the claim
        RunResult plain = PipelineRunner.emit(PLUGIN, new TerraformEmitter(), SampleModels.shop(), Map.of());
        assertThat(plain.file("terraform/variables.tf")).doesNotContain("efs_file_system_id");
        for (String file : List.of("terraform/main.tf", "terraform/outputs.tf", "terraform/shop-worker.tf", "terraform/versions.tf")) {
            assertThat(result.file(file)).as(file).isEqualTo(plain.file(file));
        }
    }

    @Test
    void anAccessPointTheModelLacksIsAVariableOfItsId() {
        DeploymentModel model = SampleModels.shop();
        TaskDefinition web = model.find(ModelIds.taskDefinition("shop", "web"), TaskDefinition.class).orElseThrow();
        web.volumes().add(new Volume("files", model.input(StandardInputs.EFS_FILE_SYSTEM_ID), null,
                Value.ref(ModelIds.efsAccessPoint("shop", "uploads"), Value.Attribute.ID), true));

        RunResult result = PipelineRunner.emit(PLUGIN, new TerraformEmitter(), model, Map.of());

        assertThat(result.file("terraform/shop-web.tf")).contains("access_point_id = var.missing_efs_access_point_shop_uploads_id");
        assertThat(result.file("terraform/variables.tf")).contains("variable \"missing_efs_access_point_shop_uploads_id\"");
    }
}
