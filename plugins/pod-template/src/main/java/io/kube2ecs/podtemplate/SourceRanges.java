package io.kube2ecs.podtemplate;

import io.kube2ecs.api.diag.Diagnostics;
import io.kube2ecs.api.source.SourceNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The client address ranges a load balancer admits, as Kubernetes writes them
 * ({@code spec.loadBalancerSourceRanges}, {@code service.beta.kubernetes.io/load-balancer-source-ranges},
 * {@code alb.ingress.kubernetes.io/inbound-cidrs}), checked and written as the IPv4 CIDR blocks a
 * security group rule takes.
 *
 * <p>A range that cannot be carried over is left out, never widened: the load balancer then admits
 * fewer clients than in the cluster, which the mapper reports, rather than more.
 */
public final class SourceRanges {

    /** Inbound rules per security group, the default quota (it can be raised, with fewer groups per interface). */
    static final int INBOUND_RULES_QUOTA = 60;

    /**
     * @param cidrs     the IPv4 blocks to admit, host bits cleared, in the order given, without repeats
     * @param ipv6      IPv6 blocks, not carried over (the rules written here are IPv4)
     * @param invalid   entries that are not CIDR blocks
     * @param rewritten entries whose host bits were set, as {@code given -> written}
     */
    public record Parsed(List<String> cidrs, List<String> ipv6, List<String> invalid, List<String> rewritten) {

        /** @return whether ranges were given but none can be carried over, so the load balancer admits nobody */
        public boolean nothingAdmitted() {
            return cidrs.isEmpty() && !(ipv6.isEmpty() && invalid.isEmpty());
        }

        /**
         * Reports what is not carried over as given: IPv6 and malformed ranges (left out), blocks
         * whose host bits were cleared, no range left at all, and more inbound rules than a security
         * group holds by default.
         *
         * @param where         the field or annotation the ranges came from
         * @param code          the mapper's diagnostic code
         * @param balancer      the load balancer's name
         * @param listenerPorts how many listener ports the ranges are opened on
         * @param diagnostics   where to report
         */
        public void report(SourceNode where, String code, String balancer, int listenerPorts, Diagnostics diagnostics) {
            String lb = "load balancer " + balancer;
            for (String range : ipv6) {
                diagnostics.warning(where, code, "IPv6 source range " + range + " is not converted: the rules of the " + lb
                        + "'s security group are IPv4; clients from it are not admitted", "add an IPv6 inbound rule "
                        + "(CidrIpv6, cidr_ipv6) for this range to the load balancer's security group; clients reach it over IPv6 only when the load balancer is dualstack");
            }
            for (String range : invalid) {
                diagnostics.warning(where, code, "source range '" + range + "' is not a CIDR block and is left out",
                        range.startsWith("$") ? "it looks like a variable nothing substituted: perhaps you should run the "
                                + "manifests through envsubst (or your templating tool) before converting them"
                                : "write each range as an IPv4 address without leading zeros and a prefix length, e.g. "
                                + "203.0.113.0/24, separated by single commas");
            }
            if (!rewritten.isEmpty()) {
                diagnostics.info(where, code, "source ranges written as the blocks they name: " + String.join(", ", rewritten), null);
            }
            if (nothingAdmitted()) {
                diagnostics.warning(where, code, "no source range could be converted, so the " + lb + " admits no clients "
                        + "(rather than every client)", "fix the ranges, or add inbound rules by hand");
            }
            int rules = cidrs.size() * listenerPorts;
            if (rules > INBOUND_RULES_QUOTA) {
                diagnostics.warning(where, code, "the " + lb + "'s security group gets " + rules + " inbound rules (one per source "
                        + "range and listener port), more than the " + INBOUND_RULES_QUOTA + " a security group holds "
                        + "by default", "ask for a higher quota of inbound rules per security group, or replace the ranges by a "
                        + "managed prefix list in the output");
            }
        }
    }

    private SourceRanges() {
    }

    /**
     * @param commaSeparated an annotation's value, e.g. {@code 10.0.0.0/8, 192.168.1.0/24}
     * @return its ranges; an empty entry (a stray comma) is invalid, as Kubernetes has it
     */
    public static Parsed parse(String commaSeparated) {
        return parse(List.of(commaSeparated.split(",", -1)));
    }

    /**
     * @param entries the ranges, e.g. the items of {@code spec.loadBalancerSourceRanges}; a null
     *                entry stands for an item that is not text, and is invalid like a blank one
     * @return them checked
     */
    public static Parsed parse(List<String> entries) {
        Set<String> cidrs = new LinkedHashSet<>();
        List<String> ipv6 = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        List<String> rewritten = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw == null ? "" : raw.trim();
            if (entry.isEmpty()) {
                invalid.add(raw == null ? "(a value that is not a string)" : "(empty)");
                continue;
            }
            if (ipv6Like(entry)) {
                ipv6.add(entry);
                continue;
            }
            String block = ipv4Block(entry);
            if (block == null) {
                invalid.add(entry);
                continue;
            }
            if (!block.equals(entry)) {
                rewritten.add(entry + " -> " + block);
            }
            cidrs.add(block);
        }
        return new Parsed(List.copyOf(cidrs), List.copyOf(ipv6), List.copyOf(invalid), List.copyOf(rewritten));
    }

    /** Two colons or more, and only what an IPv6 block is written with; {@code 10.0.0.0:8} is a typo, not IPv6. */
    private static boolean ipv6Like(String text) {
        int colons = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':') {
                colons++;
            } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '.' || c == '/')) {
                return false;
            }
        }
        return colons >= 2;
    }

    /**
     * @return {@code a.b.c.d/n} with the bits past {@code n} cleared (a bare address is a /32), or null
     *         when the text is not an IPv4 address with an optional prefix length
     */
    private static String ipv4Block(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        int prefix = 32;
        if (slash >= 0) {
            String length = text.substring(slash + 1);
            if (!digits(length, 2)) {
                return null;
            }
            prefix = Integer.parseInt(length);
            if (prefix > 32) {
                return null;
            }
        }
        String[] octets = address.split("\\.", -1);
        if (octets.length != 4) {
            return null;
        }
        long value = 0;
        for (String octet : octets) {
            // no leading zeros: 010 reads as octal in some parsers and as decimal in others
            if (!digits(octet, 3) || octet.length() > 1 && octet.charAt(0) == '0' || Integer.parseInt(octet) > 255) {
                return null;
            }
            value = value << 8 | Integer.parseInt(octet);
        }
        long mask = prefix == 0 ? 0 : 0xFFFFFFFFL << (32 - prefix) & 0xFFFFFFFFL;
        long network = value & mask;
        return (network >> 24 & 0xFF) + "." + (network >> 16 & 0xFF) + "." + (network >> 8 & 0xFF) + "." + (network & 0xFF)
                + "/" + prefix;
    }

    private static boolean digits(String text, int maxLength) {
        if (text.isEmpty() || text.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
