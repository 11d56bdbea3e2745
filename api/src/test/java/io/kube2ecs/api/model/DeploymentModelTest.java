package io.kube2ecs.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeploymentModelTest {

    /**
     * {@link DeploymentModel#all} answers from the sorted model, from a per-class index, or from what it
     * answered before; whichever it uses, it must list exactly the resources of that class, in id order.
     */
    @Test
    void everyListingIsTheSortedResourcesOfItsClassWhateverWasListedOrAddedBefore() {
        Random random = new Random(20261127);
        for (int round = 0; round < 50; round++) {
            DeploymentModel model = new DeploymentModel();
            for (int step = 0; step < 200; step++) {
                if (random.nextInt(4) == 0) {
                    Class<? extends AwsResource> type = random.nextBoolean() ? LogGroup.class : AwsResource.class;
                    assertThat(List.<AwsResource>copyOf(model.all(type))).containsExactlyElementsOf(expected(model, type));
                } else {
                    ResourceId id = new ResourceId(LogGroup.TYPE, "ns" + random.nextInt(3), "r" + round + "-" + step);
                    model.add(random.nextInt(3) == 0
                            ? new SecurityGroup(new ResourceId(SecurityGroup.TYPE, id.namespace(), id.name()), id.name(), "test")
                            : new LogGroup(id, id.name()));
                }
            }
            assertThat(List.<AwsResource>copyOf(model.all(LogGroup.class))).containsExactlyElementsOf(expected(model, LogGroup.class));
            assertThat(List.<AwsResource>copyOf(model.all(SecurityGroup.class))).containsExactlyElementsOf(expected(model, SecurityGroup.class));
        }
    }

    private static List<AwsResource> expected(DeploymentModel model, Class<? extends AwsResource> type) {
        return model.resources().stream().filter(type::isInstance).sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }
}
