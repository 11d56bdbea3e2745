package io.kube2ecs.podtemplate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SourceRangesTest {

    @ParameterizedTest
    @CsvSource({
            "10.0.0.0/8, 10.0.0.0/8",
            "0.0.0.0/0, 0.0.0.0/0",
            "203.0.113.7/32, 203.0.113.7/32",
            "10.1.2.3/8, 10.0.0.0/8",
            "192.168.255.255/17, 192.168.128.0/17",
            "172.16.5.4/0, 0.0.0.0/0",
            "198.51.100.9, 198.51.100.9/32"})
    void ipv4BlocksAreWrittenWithTheirHostBitsCleared(String given, String written) {
        SourceRanges.Parsed parsed = SourceRanges.parse(List.of(given));
        assertThat(parsed.cidrs()).containsExactly(written);
        assertThat(parsed.rewritten()).isEqualTo(given.equals(written) ? List.of() : List.of(given + " -> " + written));
        assertThat(parsed.ipv6()).isEmpty();
        assertThat(parsed.invalid()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"300.1.1.1/8", "10.0.0.0/33", "010.0.0.0/8", "10.0.0/8", "10.0.0.0.0/8", "a.b.c.d/8", "10.0.0.0/",
            "/8", "10.0.0.0/-1", "10.0.0.0/8/8", "1e1.0.0.0/8", " ", "10.0.0.0 /8"})
    void whatIsNotAnIpv4BlockIsLeftOutAsInvalid(String given) {
        SourceRanges.Parsed parsed = SourceRanges.parse(List.of(given));
        assertThat(parsed.cidrs()).isEmpty();
        assertThat(parsed.invalid()).containsExactly(given.isBlank() ? "(empty)" : given.trim());
        assertThat(parsed.nothingAdmitted()).isTrue();
    }

    @Test
    void ipv6BlocksAreSetApartAndRepeatsCollapse() {
        SourceRanges.Parsed parsed = SourceRanges.parse(" 10.0.0.0/8 ,2001:db8::/32,, 10.0.0.0/8,::/0,10.9.9.9/8");
        assertThat(parsed.cidrs()).containsExactly("10.0.0.0/8");
        assertThat(parsed.ipv6()).containsExactly("2001:db8::/32", "::/0");
        assertThat(parsed.rewritten()).containsExactly("10.9.9.9/8 -> 10.0.0.0/8");
        assertThat(parsed.nothingAdmitted()).isFalse();
    }

    @Test
    void strayCommasAndItemsThatAreNotTextAreInvalidSoTheyNeverLeaveTheBalancerOpen() {
        SourceRanges.Parsed commas = SourceRanges.parse(" , ");
        assertThat(commas.invalid()).containsExactly("(empty)", "(empty)");
        assertThat(commas.nothingAdmitted()).isTrue();
        assertThat(SourceRanges.parse("10.0.0.0/8,").invalid()).containsExactly("(empty)");
        SourceRanges.Parsed items = SourceRanges.parse(java.util.Arrays.asList("10.0.0.0/8", null));
        assertThat(items.cidrs()).containsExactly("10.0.0.0/8");
        assertThat(items.invalid()).containsExactly("(a value that is not a string)");
        assertThat(SourceRanges.parse("::/0").nothingAdmitted()).isTrue();
        assertThat(SourceRanges.parse(List.of()).nothingAdmitted()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0:8", "1.2.3.4:443", "host:name:x"})
    void aSingleColonOrOtherLettersMakeATypoNotAnIpv6Range(String given) {
        SourceRanges.Parsed parsed = SourceRanges.parse(List.of(given));
        assertThat(parsed.ipv6()).isEmpty();
        assertThat(parsed.invalid()).containsExactly(given);
    }
}
