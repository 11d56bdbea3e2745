package io.kube2ecs.plugin.emit.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A namespace over the resource quota is cut into parts: each part within the quotas, every
 * reference across stacks carried by a parameter the root fills from an output of a stack created
 * before, and no two stacks waiting on each other.
 */
class StackSplitterTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    @Test
    void aNamespaceOverTheQuotaIsCutIntoStacksWithinTheQuotasThatReferOnlyToEarlierParts() {
        // 4 resources per application and 2 for the namespace: 1,042 resources in namespace shop, the 2 in
        // part 1, the 1,040 of the applications in ⌈1,040 / 350⌉ = 3 more parts
        ObjectNode template = applications("shop", 260);
        ObjectNode original = template.deepCopy();

        StackSplitter.Split split = new StackSplitter(template, groupOf(original), "yaml").split();

        assertThat(split.stacks()).containsOnlyKeys("shared.yaml", "namespace-shop.yaml", "namespace-shop.part2.yaml",
                "namespace-shop.part3.yaml", "namespace-shop.part4.yaml");
        assertThat(split.partCounts()).containsExactly(Map.entry("shop", 4));
        assertThat(split.root().get("Resources").fieldNames()).toIterable()
                .containsExactly("SharedStack", "NsShopStack", "NsShopPart2Stack", "NsShopPart3Stack", "NsShopPart4Stack");
        assertDeployable(split, original);
        // the later parts read what the first holds: the Cloud Map namespace, the security group
        assertThat(split.root().at("/Resources/NsShopPart3Stack/Properties/Parameters/DnsShopId"))
                .isEqualTo(JSON.objectNode().set("Fn::GetAtt", JSON.arrayNode().add("NsShopStack").add("Outputs.ExportDnsShopId")));
        // 260 outputs are more than a stack may hold: they stay with the services' stacks only
        assertThat(split.unrepeatedOutputs()).isEqualTo(260);
        assertThat(split.root().has("Outputs")).isFalse();
        assertThat(split.stacks().values().stream().mapToInt(s -> outputsNamed(s, "Service").size()).sum()).isEqualTo(260);
    }

    @Test
    void anApplicationsResourcesStayTogether() {
        StackSplitter.Split split = new StackSplitter(applications("shop", 260), groupOf(applications("shop", 260)), "yaml").split();

        // no application of the 260 is cut in two
        int cut = 0;
        for (int i = 0; i < 260; i++) {
            Set<String> holders = new TreeSet<>();
            for (String id : List.of("Log" + i, "Task" + i, "Discovery" + i, "Service" + i)) {
                split.stacks().forEach((file, stack) -> {
                    if (stack.get("Resources").has(id)) {
                        holders.add(file);
                    }
                });
            }
            cut += holders.size() - 1;
        }
        assertThat(cut).isZero();
    }

    @Test
    void atMostTwoHundredOutputsAreRepeatedInTheRoot() {
        ObjectNode template = applications("shop", 150);
        ObjectNode original = template.deepCopy();

        StackSplitter.Split split = new StackSplitter(template, groupOf(original), "yaml").split();

        assertThat(split.stacks()).containsKey("namespace-shop.part2.yaml");
        assertDeployable(split, original);
        assertThat(split.unrepeatedOutputs()).isZero();
        assertThat(split.root().get("Outputs")).hasSize(150);
        // each repeated output names the part that holds it
        split.root().get("Outputs").fields().forEachRemaining(output -> {
            JsonNode source = output.getValue().get("Value").get("Fn::GetAtt");
            assertThat(split.stacks().get(fileOf(split, source.get(0).asText())).get("Outputs").has(output.getKey()))
                    .as(output.getKey()).isTrue();
        });
    }

    @Test
    void resourcesReferringToEachOtherInACycleStayInOnePartEvenPastTheQuota() {
        ObjectNode template = applications("shop", 10);
        ObjectNode resources = (ObjectNode) template.get("Resources");
        for (int i = 0; i < 600; i++) {
            resources.putObject("Ring" + i).put("Type", "AWS::SSM::Parameter").putObject("Properties")
                    .put("Type", "String").set("Value", ref("Ring" + (i + 1) % 600));
        }
        ObjectNode original = template.deepCopy();

        StackSplitter.Split split = new StackSplitter(template, groupOf(original), "yaml").split();

        assertThat(split.stacks()).containsKey("namespace-shop.part2.yaml");
        ObjectNode ringHolder = split.stacks().values().stream().filter(s -> s.get("Resources").has("Ring0")).findFirst().orElseThrow();
        assertThat(ringHolder.get("Resources").size()).isGreaterThanOrEqualTo(600);
        for (int i = 0; i < 600; i++) {
            assertThat(ringHolder.get("Resources").has("Ring" + i)).isTrue();
        }
    }

    @Test
    void theSameTemplateIsCutTheSameWay() {
        StackSplitter.Split first = new StackSplitter(applications("shop", 260), groupOf(applications("shop", 260)), "yaml").split();
        StackSplitter.Split second = new StackSplitter(applications("shop", 260), groupOf(applications("shop", 260)), "yaml").split();

        assertThat(YamlTemplateWriter.write(second.root())).isEqualTo(YamlTemplateWriter.write(first.root()));
        assertThat(second.stacks().keySet()).containsExactlyElementsOf(first.stacks().keySet());
        first.stacks().forEach((file, stack) -> assertThat(YamlTemplateWriter.write(second.stacks().get(file)))
                .as(file).isEqualTo(YamlTemplateWriter.write(stack)));
    }

    @Test
    void addingOrRemovingAnApplicationMovesNoOtherApplicationWhileThePartCountStays() {
        // 200 applications of 4 resources: 800 resources, 3 parts for the applications either way
        List<String> names = names("b", 200);
        Map<String, String> before = fileOfResource(names);
        List<String> added = new ArrayList<>(names);
        added.add(0, "aaa"); // sorts before every other application
        Map<String, String> after = fileOfResource(added);
        List<String> removed = new ArrayList<>(names);
        removed.remove("b17");
        Map<String, String> afterRemoval = fileOfResource(removed);

        assertThat(new TreeSet<>(after.values())).isEqualTo(new TreeSet<>(before.values()));
        assertThat(after.keySet()).containsAll(List.of("Logaaa", "Taskaaa", "Discoveryaaa", "Serviceaaa"));
        before.forEach((id, file) -> assertThat(after.get(id)).as(id + " after adding aaa").isEqualTo(file));
        afterRemoval.forEach((id, file) -> assertThat(file).as(id + " after removing b17").isEqualTo(before.get(id)));
    }

    @Test
    void whenThePartCountGrowsFewApplicationsMoveAndOnlyToTheNewPart() {
        // 262 applications: 1,048 resources, 3 parts of applications (at most 350 each on average); 263: 1,052, 4 parts
        List<String> names = names("b", 262);
        Map<String, String> before = fileOfResource(names);
        List<String> added = new ArrayList<>(names);
        added.add(0, "aaa");
        Map<String, String> after = fileOfResource(added);

        int partsBefore = new TreeSet<>(before.values()).size();
        int partsAfter = new TreeSet<>(after.values()).size();
        assertThat(partsAfter).isEqualTo(partsBefore + 1);
        Set<String> newParts = new TreeSet<>(after.values());
        newParts.removeAll(before.values());
        int moved = 0;
        for (String name : names) {
            String file = before.get("Service" + name);
            if (!after.get("Service" + name).equals(file)) {
                moved++;
                assertThat(newParts).as(name + " moved to a part that existed before").contains(after.get("Service" + name));
            }
            for (String id : List.of("Log" + name, "Task" + name, "Discovery" + name)) {
                assertThat(after.get(id)).as(id + " apart from its service").isEqualTo(after.get("Service" + name));
            }
        }
        // jump hashing moves about 1/N of the applications when N grows by one: here about a quarter
        assertThat(moved).isPositive().isLessThan(2 * names.size() / (partsAfter - 1));
    }

    @Test
    void partsOfApplicationsReferOnlyToThemselvesAndThePartOfSharedResources() {
        ObjectNode template = applications("shop", names("b", 300));
        ObjectNode original = template.deepCopy();
        StackSplitter.Split split = new StackSplitter(template, groupOf(original), "yaml").split();

        assertDeployable(split, original);
        split.root().get("Resources").fields().forEachRemaining(entry -> {
            String file = fileOf(split, entry.getKey());
            entry.getValue().get("Properties").path("Parameters").forEach(value -> {
                JsonNode source = value.get("Fn::GetAtt");
                if (source != null && fileOf(split, source.get(0).asText()).startsWith("namespace-shop")) {
                    assertThat(file).as(entry.getKey() + " reads " + source).startsWith("namespace-shop.part");
                    assertThat(fileOf(split, source.get(0).asText())).isEqualTo("namespace-shop.yaml");
                }
            });
        });
        // the first part holds what every application uses, and nothing else
        assertThat(names(split.stacks().get("namespace-shop.yaml").get("Resources"))).containsExactlyInAnyOrder("DnsShop", "TasksShop");
    }

    @Test
    void aResourceManyReferToIsAHubOnlyWhenTheyAreOfSeveralApplications() {
        // each application also has a load balancer with its security group, which the load balancer, a rule of
        // that group and a rule of the tasks' group refer to, a listener, which its service waits for, and a
        // target group, which its service, its listener, a rule of a listener that every application uses and
        // a parameter refer to
        List<String> names = names("b", 150);
        ObjectNode template = applications("shop", names);
        ObjectNode resources = (ObjectNode) template.get("Resources");
        resources.putObject("SharedLb").put("Type", "AWS::ElasticLoadBalancingV2::LoadBalancer").putObject("Properties")
                .put("Name", "shared");
        resources.putObject("SharedListener").put("Type", "AWS::ElasticLoadBalancingV2::Listener").putObject("Properties")
                .set("LoadBalancerArn", ref("SharedLb"));
        for (String i : names) {
            resources.putObject("LbGroup" + i).put("Type", "AWS::EC2::SecurityGroup").putObject("Properties")
                    .put("GroupDescription", "lb").set("VpcId", ref("VpcId"));
            resources.putObject("LbGroup" + i + "Ingress").put("Type", "AWS::EC2::SecurityGroupIngress").putObject("Properties")
                    .put("CidrIp", "10.0.0.0/8").set("GroupId", getAtt("LbGroup" + i, "GroupId"));
            ObjectNode fromLb = resources.putObject("TasksFromLb" + i).put("Type", "AWS::EC2::SecurityGroupIngress")
                    .putObject("Properties");
            fromLb.set("GroupId", getAtt("TasksShop", "GroupId"));
            fromLb.set("SourceSecurityGroupId", getAtt("LbGroup" + i, "GroupId"));
            resources.putObject("Lb" + i).put("Type", "AWS::ElasticLoadBalancingV2::LoadBalancer").putObject("Properties")
                    .putArray("SecurityGroups").add(getAtt("LbGroup" + i, "GroupId"));
            resources.putObject("Target" + i).put("Type", "AWS::ElasticLoadBalancingV2::TargetGroup").putObject("Properties")
                    .put("Port", 80);
            ObjectNode rule = resources.putObject("Rule" + i).put("Type", "AWS::ElasticLoadBalancingV2::ListenerRule")
                    .putObject("Properties");
            rule.set("ListenerArn", ref("SharedListener"));
            rule.putArray("Actions").addObject().set("TargetGroupArn", ref("Target" + i));
            ObjectNode listener = resources.putObject("Listener" + i).put("Type", "AWS::ElasticLoadBalancingV2::Listener")
                    .putObject("Properties");
            listener.set("LoadBalancerArn", ref("Lb" + i));
            listener.putArray("DefaultActions").addObject().set("TargetGroupArn", ref("Target" + i));
            ((com.fasterxml.jackson.databind.node.ArrayNode) resources.get("Service" + i).get("DependsOn")).add("Listener" + i);
            resources.putObject("Probe" + i).put("Type", "AWS::SSM::Parameter").putObject("Properties")
                    .put("Type", "String").set("Value", ref("Target" + i));
            ((ObjectNode) resources.get("Service" + i).get("Properties")).putArray("LoadBalancers").addObject()
                    .set("TargetGroupArn", ref("Target" + i));
        }
        ObjectNode original = template.deepCopy();

        StackSplitter.Split split = new StackSplitter(template, groupOf(original), "yaml").split();

        assertDeployable(split, original);
        assertThat(names(split.stacks().get("namespace-shop.yaml").get("Resources")))
                .containsExactlyInAnyOrder("DnsShop", "TasksShop", "SharedListener", "SharedLb");
        for (String i : names) {
            Set<String> holders = new TreeSet<>();
            for (String id : List.of("Log", "Task", "Discovery", "Service", "LbGroup", "LbGroup" + i + "Ingress", "TasksFromLb", "Lb", "Listener",
                    "Target", "Rule", "Probe")) {
                String logicalId = id.endsWith("Ingress") ? id : id + i;
                assertThat(original.get("Resources").has(logicalId)).as(logicalId).isTrue();
                split.stacks().forEach((file, stack) -> {
                    if (stack.get("Resources").has(logicalId)) {
                        holders.add(file);
                    }
                });
            }
            assertThat(holders).as("application " + i).hasSize(1);
        }
    }

    @Test
    void theSsmParametersATaskDefinitionReadsByArnGoWithItsApplication() {
        List<String> names = names("b", 200);
        ObjectNode template = applications("shop", names);
        ObjectNode resources = (ObjectNode) template.get("Resources");
        for (String i : names) {
            for (String key : List.of("A", "B")) {
                resources.putObject("Config" + i + key).put("Type", "AWS::SSM::Parameter").putObject("Properties")
                        .put("Name", "/kube2ecs/shop/configmap/" + i + "/" + key).put("Type", "String").put("Value", "v");
                ((ObjectNode) resources.get("Task" + i).get("Properties")).withArray("Secrets").addObject().put("Name", key)
                        .set("ValueFrom", JSON.objectNode().put("Fn::Sub",
                                "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/kube2ecs/shop/configmap/" + i + "/" + key));
            }
        }
        ObjectNode original = template.deepCopy();

        StackSplitter.Split split = new StackSplitter(template, groupOf(original), "yaml").split();

        assertDeployable(split, original);
        for (String i : names) {
            ObjectNode holder = split.stacks().values().stream().filter(s -> s.get("Resources").has("Task" + i)).findFirst().orElseThrow();
            assertThat(holder.get("Resources").has("Config" + i + "A") && holder.get("Resources").has("Config" + i + "B"))
                    .as("the parameters of " + i + " with its task definition").isTrue();
        }
    }

    @Test
    void aPartOverTheQuotaHandsWholeApplicationsToTheNextPartWithRoom() {
        // 12 applications of 150 resources (a chain of references each): 1,800 resources, ⌈1,800 / 350⌉ = 6
        // parts of applications, where the hash puts more than 3 applications into some
        List<String> ids = new ArrayList<>();
        Map<String, List<String>> references = new HashMap<>();
        for (int a = 0; a < 12; a++) {
            for (int r = 0; r < 150; r++) {
                String id = String.format("App%02dR%03d", a, r);
                ids.add(id);
                references.put(id, r == 0 ? List.of() : List.of(String.format("App%02dR%03d", a, r - 1)));
            }
        }

        Map<Integer, Integer> hashed = new TreeMap<>();
        for (int a = 0; a < 12; a++) {
            hashed.merge(StackSplitter.jumpHash(StackSplitter.key(String.format("App%02dR000", a)), 6), 1, Integer::sum);
        }
        assertThat(hashed.values()).as("applications per part by the hash alone").anyMatch(count -> count > 3);

        int[] parts = StackSplitter.partNumbers(ids, references, id -> false);

        Map<Integer, Integer> sizes = new TreeMap<>();
        for (int i = 0; i < ids.size(); i++) {
            sizes.merge(parts[i], 1, Integer::sum);
            assertThat(parts[i]).as(ids.get(i) + " apart from its application").isEqualTo(parts[i - i % 150]);
        }
        assertThat(sizes.keySet()).doesNotContain(1).allSatisfy(part -> assertThat(part).isBetween(2, 7));
        assertThat(sizes.values()).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(CloudFormationEmitter.MAX_RESOURCES));
        assertThat(StackSplitter.partNumbers(ids, references, id -> false)).isEqualTo(parts);
    }

    @Test
    void jumpHashingMovesAKeyOnlyToTheNewBucketAndAboutOneInNPlusOne() {
        for (int buckets = 1; buckets < 20; buckets++) {
            int moved = 0;
            for (int k = 0; k < 10_000; k++) {
                long key = StackSplitter.key("Resource" + k);
                int before = StackSplitter.jumpHash(key, buckets);
                int after = StackSplitter.jumpHash(key, buckets + 1);
                assertThat(before).isBetween(0, buckets - 1);
                if (after != before) {
                    assertThat(after).isEqualTo(buckets);
                    moved++;
                }
            }
            assertThat((double) moved / 10_000).as(buckets + " to " + (buckets + 1))
                    .isCloseTo(1.0 / (buckets + 1), org.assertj.core.data.Offset.offset(0.02));
        }
        // fixed: the same bucket in every run and Java version
        assertThat(StackSplitter.key("")).isEqualTo(StackSplitter.key(""));
        assertThat(StackSplitter.jumpHash(0L, 1)).isZero();
    }

    private static List<String> names(String prefix, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    /** @return the nested stack file of every resource of a namespace {@code shop} holding the applications {@code names} */
    private static Map<String, String> fileOfResource(List<String> names) {
        ObjectNode template = applications("shop", names);
        ObjectNode original = template.deepCopy();
        StackSplitter.Split split = new StackSplitter(template, groupOf(original), "yaml").split();
        assertDeployable(split, original);
        Map<String, String> out = new TreeMap<>();
        split.stacks().forEach((file, stack) -> stack.get("Resources").fieldNames().forEachRemaining(id -> out.put(id, file)));
        return out;
    }

    /**
     * A template shaped like the emitter's: the shared execution role (conditional), and per
     * application of {@code namespace} a log group, a task definition ({@code Fn::Sub} and the
     * role's attribute in its short form), a Cloud Map service and an ECS service ({@code Ref},
     * {@code Fn::GetAtt}, {@code DependsOn}), and an output; the namespace's Cloud Map namespace
     * and security group are used by every application.
     */
    private static ObjectNode applications(String namespace, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(String.valueOf(i));
        }
        return applications(namespace, names);
    }

    /** Like {@link #applications(String, int)}, the applications' logical ids ending in {@code names}. */
    private static ObjectNode applications(String namespace, List<String> names) {
        ObjectNode template = JSON.objectNode().put("AWSTemplateFormatVersion", "2010-09-09").put("Description", "test");
        ObjectNode parameters = template.putObject("Parameters");
        parameters.putObject("VpcId").put("Type", "AWS::EC2::VPC::Id");
        parameters.putObject("ExecutionRoleArn").put("Type", "String").put("Default", "");
        template.putObject("Conditions").set("CreateExecutionRole", JSON.objectNode().set("Fn::Equals",
                JSON.arrayNode().add(ref("ExecutionRoleArn")).add("")));
        ObjectNode resources = template.putObject("Resources");
        ObjectNode outputs = template.putObject("Outputs");
        resources.putObject("ExecutionRole").put("Type", "AWS::IAM::Role").put("Condition", "CreateExecutionRole")
                .putObject("Properties").put("Path", "/");
        String dns = "Dns" + CloudFormationEmitter.pascal(namespace);
        resources.putObject(dns).put("Type", "AWS::ServiceDiscovery::PrivateDnsNamespace").putObject("Properties")
                .put("Name", namespace + ".local").set("Vpc", ref("VpcId"));
        String group = "Tasks" + CloudFormationEmitter.pascal(namespace);
        resources.putObject(group).put("Type", "AWS::EC2::SecurityGroup").putObject("Properties")
                .put("GroupDescription", "tasks").set("VpcId", ref("VpcId"));
        for (String i : names) {
            resources.putObject("Log" + i).put("Type", "AWS::Logs::LogGroup").putObject("Properties")
                    .put("LogGroupName", "/ecs/" + namespace + "/app" + i);
            ObjectNode task = resources.putObject("Task" + i).put("Type", "AWS::ECS::TaskDefinition").putObject("Properties");
            task.set("Family", JSON.objectNode().put("Fn::Sub", "${Log" + i + "}-${AWS::Region}"));
            task.set("ExecutionRoleArn", JSON.objectNode().set("Fn::If", JSON.arrayNode().add("CreateExecutionRole")
                    .add(JSON.objectNode().put("Fn::GetAtt", "ExecutionRole.Arn")).add(ref("ExecutionRoleArn"))));
            resources.putObject("Discovery" + i).put("Type", "AWS::ServiceDiscovery::Service").putObject("Properties")
                    .put("Name", "app" + i).set("NamespaceId", getAtt(dns, "Id"));
            ObjectNode service = resources.putObject("Service" + i).put("Type", "AWS::ECS::Service");
            service.putArray("DependsOn").add("Log" + i);
            ObjectNode properties = service.putObject("Properties");
            properties.set("TaskDefinition", ref("Task" + i));
            properties.putArray("ServiceRegistries").addObject().set("RegistryArn", getAtt("Discovery" + i, "Arn"));
            properties.putObject("NetworkConfiguration").putObject("AwsvpcConfiguration").putArray("SecurityGroups")
                    .add(getAtt(group, "GroupId"));
            outputs.putObject("Service" + i).set("Value", getAtt("Service" + i, "Name"));
        }
        return template;
    }

    private static Map<String, String> groupOf(ObjectNode template) {
        Map<String, String> groupOf = new HashMap<>();
        template.get("Resources").fieldNames().forEachRemaining(id -> {
            if (!id.equals("ExecutionRole")) {
                groupOf.put(id, "shop");
            }
        });
        return groupOf;
    }

    /**
     * Checks what CloudFormation would: the quotas of every stack; every original resource in exactly
     * one stack; every name a stack refers to declared in it; every parameter the root fills from
     * another stack's output exists there; the stacks can be created in some order (no cycle), and
     * each stack is created after every stack holding a resource it refers to.
     */
    private static void assertDeployable(StackSplitter.Split split, ObjectNode original) {
        ObjectNode root = split.root();
        assertThat(root.path("Outputs").size()).isLessThanOrEqualTo(CloudFormationEmitter.MAX_OUTPUTS);
        Map<String, String> stackOfResource = new HashMap<>();
        split.stacks().forEach((file, stack) -> {
            assertThat(stack.get("Resources").size()).as(file).isLessThanOrEqualTo(CloudFormationEmitter.MAX_RESOURCES);
            assertThat(stack.path("Parameters").size()).as(file).isLessThanOrEqualTo(CloudFormationEmitter.MAX_PARAMETERS);
            assertThat(stack.path("Outputs").size()).as(file).isLessThanOrEqualTo(CloudFormationEmitter.MAX_OUTPUTS);
            stack.get("Resources").fieldNames().forEachRemaining(id ->
                    assertThat(stackOfResource.put(id, stackIdOf(split, file))).as(id + " in two stacks").isNull());
            for (String name : referencedNames(stack.get("Resources"))) {
                assertThat(stack.get("Resources").has(name) || stack.path("Parameters").has(name) || name.startsWith("AWS::"))
                        .as(file + " refers to " + name + ", which it does not declare").isTrue();
            }
        });
        assertThat(stackOfResource.keySet()).containsExactlyInAnyOrderElementsOf(names(original.get("Resources")));

        Map<String, Set<String>> createdAfter = new TreeMap<>();
        root.get("Resources").fields().forEachRemaining(entry -> {
            String stackId = entry.getKey();
            ObjectNode child = split.stacks().get(fileOf(split, stackId));
            Set<String> before = createdAfter.computeIfAbsent(stackId, s -> new TreeSet<>());
            entry.getValue().path("DependsOn").forEach(id -> before.add(id.asText()));
            JsonNode values = entry.getValue().get("Properties").path("Parameters");
            assertThat(names(values)).as(stackId).containsExactlyInAnyOrderElementsOf(names(child.path("Parameters")));
            values.fields().forEachRemaining(value -> {
                JsonNode source = value.getValue().get("Fn::GetAtt");
                if (source != null) {
                    String owner = source.get(0).asText();
                    String output = source.get(1).asText().substring("Outputs.".length());
                    assertThat(split.stacks().get(fileOf(split, owner)).path("Outputs").has(output))
                            .as(stackId + "." + value.getKey() + " from " + owner).isTrue();
                    if (unpartedName(fileOf(split, owner)).equals(unpartedName(fileOf(split, stackId)))) {
                        assertThat(partNumber(fileOf(split, owner))).as(stackId + " reads from a later part")
                                .isLessThan(partNumber(fileOf(split, stackId)));
                    }
                    before.add(owner);
                }
            });
        });
        List<String> creationOrder = topologicalOrder(createdAfter);
        assertThat(creationOrder).as("stacks waiting on each other in a cycle").hasSameSizeAs(createdAfter.keySet());
        original.get("Resources").fields().forEachRemaining(entry -> {
            for (String target : referencedNames(entry.getValue())) {
                if (stackOfResource.containsKey(target)) {
                    assertThat(creationOrder.indexOf(stackOfResource.get(target)))
                            .as(entry.getKey() + " refers to " + target)
                            .isLessThanOrEqualTo(creationOrder.indexOf(stackOfResource.get(entry.getKey())));
                    assertThat(reaches(createdAfter, stackOfResource.get(entry.getKey()), stackOfResource.get(target)))
                            .as(entry.getKey() + " waits for " + target).isTrue();
                }
            }
        });
    }

    /** @return the stacks in an order where each comes after those it waits for; shorter when there is a cycle */
    private static List<String> topologicalOrder(Map<String, Set<String>> createdAfter) {
        List<String> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Map.Entry<String, Set<String>> entry : createdAfter.entrySet()) {
                if (!done.contains(entry.getKey()) && done.containsAll(entry.getValue())) {
                    done.add(entry.getKey());
                    order.add(entry.getKey());
                    progress = true;
                }
            }
        }
        return order;
    }

    private static boolean reaches(Map<String, Set<String>> createdAfter, String from, String to) {
        Deque<String> pending = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String stack = pending.pop();
            if (stack.equals(to)) {
                return true;
            }
            if (seen.add(stack)) {
                pending.addAll(createdAfter.getOrDefault(stack, Set.of()));
            }
        }
        return false;
    }

    /** @return the names a node refers to: Ref, Fn::GetAtt (both forms), Fn::Sub variables, DependsOn */
    private static Set<String> referencedNames(JsonNode node) {
        Set<String> out = new TreeSet<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                switch (field.getKey()) {
                    case "Ref" -> out.add(value.asText());
                    case "Fn::GetAtt" -> out.add(value.isArray() ? value.get(0).asText() : value.asText().split("\\.")[0]);
                    case "DependsOn" -> (value.isArray() ? value : JSON.arrayNode().add(value)).forEach(id -> out.add(id.asText()));
                    case "Fn::Sub" -> {
                        Matcher matcher = SUB_VARIABLE.matcher(value.isArray() ? value.get(0).asText() : value.asText());
                        while (matcher.find()) {
                            out.add(matcher.group(1).split("\\.")[0]);
                        }
                    }
                    default -> out.addAll(referencedNames(value));
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> out.addAll(referencedNames(item)));
        }
        return out;
    }

    /** @return the file name of a part's first part: namespace-shop.part2.yaml → namespace-shop.yaml */
    private static String unpartedName(String file) {
        return file.replaceFirst("\\.part[0-9]+\\.", ".");
    }

    private static int partNumber(String file) {
        Matcher matcher = Pattern.compile("\\.part([0-9]+)\\.").matcher(file);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 1;
    }

    private static List<String> outputsNamed(ObjectNode stack, String prefix) {
        return names(stack.path("Outputs")).stream().filter(name -> name.startsWith(prefix)).toList();
    }

    private static String fileOf(StackSplitter.Split split, String stackId) {
        String url = split.root().get("Resources").get(stackId).get("Properties").get("TemplateURL").asText();
        return url.substring("stacks/".length());
    }

    private static String stackIdOf(StackSplitter.Split split, String file) {
        return names(split.root().get("Resources")).stream().filter(id -> fileOf(split, id).equals(file)).findFirst().orElseThrow();
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static ObjectNode ref(String name) {
        return JSON.objectNode().put("Ref", name);
    }

    private static ObjectNode getAtt(String id, String attribute) {
        return JSON.objectNode().set("Fn::GetAtt", JSON.arrayNode().add(id).add(attribute));
    }

    /**
     * A part holds at most 200 outputs: resources other stacks refer to cost one each (at 10,000
     * generated applications the shared stack's load balancer parts owed 210–281 when only resources
     * were counted).
     */
    @Test
    void aPartOwesNoMoreOutputsThanTheQuotaAllowsWhenManyOfItsResourcesAreReferredToFromOtherStacks() {
        List<String> ids = new ArrayList<>();
        Map<String, List<String>> references = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            String id = String.format("Balancer%03d", i);
            ids.add(id);
            references.put(id, List.of());
        }
        int[] byResources = StackSplitter.partNumbers(ids, references, id -> false);
        int[] byOutputsToo = StackSplitter.partNumbers(ids, references, id -> true);

        Map<Integer, Integer> perPartByResources = new TreeMap<>();
        Map<Integer, Integer> perPart = new TreeMap<>();
        for (int i = 0; i < ids.size(); i++) {
            perPartByResources.merge(byResources[i], 1, Integer::sum);
            perPart.merge(byOutputsToo[i], 1, Integer::sum);
        }
        assertThat(perPartByResources.values()).as("counting resources alone").anyMatch(count -> count > 200);
        assertThat(perPart.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(StackSplitter.PART_OUTPUTS));
        assertThat(StackSplitter.partNumbers(ids, references, id -> true)).isEqualTo(byOutputsToo);
    }
}
