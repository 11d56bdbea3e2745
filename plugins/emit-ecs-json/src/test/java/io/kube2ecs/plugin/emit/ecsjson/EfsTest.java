package io.kube2ecs.plugin.emit.ecsjson;

import static org.assertj.core.api.Assertions.assertThat;

import io.kube2ecs.api.model.EfsAccessPoint;
import io.kube2ecs.testkit.GoldenHarness;
import io.kube2ecs.testkit.PipelineRunner;
import io.kube2ecs.testkit.RunResult;
import io.kube2ecs.testkit.SampleModels;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An {@link EfsAccessPoint} is not created by this target: it becomes {@code <namespace>/_efs/<claim>.json},
 * the input of {@code aws efs create-access-point}, and the task definition that mounts it names it
 * by a placeholder. Expectations in {@code src/test/resources/golden/efs/}.
 */
class EfsTest {

    private static final String PLUGIN = "emit-ecs-json";

    @Test
    void anAccessPointBecomesACreateAccessPointRequestAndAPlaceholderInTheTaskDefinition() throws Exception {
        RunResult result = PipelineRunner.emit(PLUGIN, new EcsJsonEmitter(), SampleModels.claimShop(), Map.of());
        GoldenHarness.assertMatches(Path.of("src/test/resources/golden/efs"), result);

        assertThat(result.file("ecs/shop/web/task-definition.json"))
                .contains("\"accessPointId\": \"${EFS_ACCESS_POINT_SHOP_UPLOADS_ID}\"")
                .contains("\"iam\": \"DISABLED\"").contains("\"transitEncryption\": \"ENABLED\"")
                .doesNotContain("rootDirectory");
        assertThat(EcsSchemaValidator.validateTaskDefinition(result.file("ecs/shop/web/task-definition.json"))).isEmpty();
        assertThat(result.file("ecs/shop/_efs/uploads.json")).containsPattern("\"ClientToken\": \"\\$\\{EFS_FILE_SYSTEM_ID}-[0-9a-f]{20}\"")
                .contains("\"PosixUser\": {\n    \"Uid\": 1000,\n    \"Gid\": 2000\n  }")
                .contains("\"FileSystemId\": \"${EFS_FILE_SYSTEM_ID}\"").contains("\"Path\": \"/kube2ecs/shop/uploads\"")
                .contains("\"OwnerUid\": 1000").contains("\"Permissions\": \"2775\"");
        assertThat(result.withCode(EcsJsonEmitter.CODE_ACCESS_POINTS)).singleElement()
                .satisfies(d -> assertThat(d.hint()).contains("aws efs create-access-point --cli-input-json file://ecs/shop/_efs/uploads.json")
                        .contains("${EFS_ACCESS_POINT_SHOP_UPLOADS_ID}"));
        assertThat(result.withCode(EcsJsonEmitter.CODE_PLACEHOLDERS)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("${EFS_ACCESS_POINT_SHOP_UPLOADS_ID}", "${EFS_FILE_SYSTEM_ID}"));
        // the rest of the output is as without the claim
        RunResult plain = PipelineRunner.emit(PLUGIN, new EcsJsonEmitter(), SampleModels.shop(), Map.of());
        plain.files().forEach((file, text) -> {
            if (!file.equals("ecs/shop/web/task-definition.json")) {
                assertThat(result.file(file)).as(file).isEqualTo(text);
            }
        });
        assertThat(result.files().keySet()).hasSize(plain.files().size() + 1);
    }

    @Test
    void theClientTokenFollowsWhatTheRequestAsksForAndFitsEfsLimit() {
        EfsAccessPoint one = accessPoint("/kube2ecs/shop/data", 1001, 5000);
        String token = EcsJsonEmitter.clientToken(one, "fs-0123456789abcdef0123456789abcdef01234567");
        // the longest file system id still fits
        assertThat(token).hasSize(64).startsWith("fs-0123456789abcdef0123456789abcdef01234567-");
        assertThat(EcsJsonEmitter.clientToken(accessPoint("/kube2ecs/shop/data", 1001, 5000), "fs-0123456789abcdef0123456789abcdef01234567"))
                .as("deterministic").isEqualTo(token);
        // another owner, path or file system: another token, so EFS neither refuses nor returns the old access point
        assertThat(EcsJsonEmitter.clientToken(accessPoint("/kube2ecs/shop/data", 1002, 5000), "fs-0123456789abcdef0123456789abcdef01234567"))
                .isNotEqualTo(token);
        assertThat(EcsJsonEmitter.clientToken(accessPoint("/other/shop/data", 1001, 5000), "fs-0123456789abcdef0123456789abcdef01234567"))
                .isNotEqualTo(token);
        assertThat(EcsJsonEmitter.clientToken(one, "fs-11111111")).startsWith("fs-11111111-").hasSize(32);
        // a placeholder stays in the token, so substituting it tells file systems apart too
        assertThat(EcsJsonEmitter.clientToken(one, "${EFS_FILE_SYSTEM_ID}")).matches("\\$\\{EFS_FILE_SYSTEM_ID}-[0-9a-f]{20}");
    }

    private static EfsAccessPoint accessPoint(String path, long uid, long gid) {
        return new EfsAccessPoint(io.kube2ecs.api.model.ModelIds.efsAccessPoint("shop", "data"), "shop-data",
                io.kube2ecs.api.model.Value.of("fs-1"), path, uid, gid, "2775", new EfsAccessPoint.PosixUser(uid, gid));
    }
}
