package io.kube2ecs.api.source;

import io.kube2ecs.api.Stable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 100m}, {@code 0.5}, {@code 128Mi}, {@code 1G},
 * {@code 1e3}), parsed exactly as the API server does. Immutable and thread-safe.
 *
 * @param value the quantity in base units (cores for CPU, bytes for memory)
 */
@Stable
public record Quantity(BigDecimal value) {

    private static final Pattern FORMAT = Pattern.compile(
            "^([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\\d+)?$");
    private static final BigDecimal MIB = BigDecimal.valueOf(1024L * 1024L);
    private static final BigDecimal GIB = BigDecimal.valueOf(1024L * 1024L * 1024L);

    /**
     * @param text the quantity as written, e.g. {@code 250m}
     * @return the quantity, or empty when the text is not a valid Kubernetes quantity
     */
    public static Optional<Quantity> parse(String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String suffix = m.group(2);
        if (suffix == null) {
            return Optional.of(new Quantity(number));
        }
        BigDecimal factor = switch (suffix) {
            case "Ki" -> BigDecimal.valueOf(1024L);
            case "Mi" -> MIB;
            case "Gi" -> GIB;
            case "Ti" -> GIB.multiply(BigDecimal.valueOf(1024L));
            case "Pi" -> GIB.multiply(BigDecimal.valueOf(1024L * 1024L));
            case "Ei" -> GIB.multiply(BigDecimal.valueOf(1024L * 1024L * 1024L));
            case "n" -> new BigDecimal("1e-9");
            case "u" -> new BigDecimal("1e-6");
            case "m" -> new BigDecimal("1e-3");
            case "k" -> new BigDecimal("1e3");
            case "M" -> new BigDecimal("1e6");
            case "G" -> new BigDecimal("1e9");
            case "T" -> new BigDecimal("1e12");
            case "P" -> new BigDecimal("1e15");
            case "E" -> new BigDecimal("1e18");
            default -> {
                String exponent = suffix.substring(1).replace("+", "");
                if (exponent.replace("-", "").length() > 4) {
                    yield null; // larger than any real quantity, and than BigDecimal's scale
                }
                yield BigDecimal.ONE.scaleByPowerOfTen(Integer.parseInt(exponent));
            }
        };
        if (factor == null) {
            return Optional.empty();
        }
        return Optional.of(new Quantity(number.multiply(factor)));
    }

    /** @return CPU in ECS units (1024 per core), rounded up */
    public int cpuUnits() {
        return value.multiply(BigDecimal.valueOf(1024)).setScale(0, RoundingMode.CEILING).intValueExact();
    }

    /** @return memory in MiB, rounded up */
    public int mebibytes() {
        return value.divide(MIB, 0, RoundingMode.CEILING).intValueExact();
    }

    /** @return whether the quantity is negative */
    public boolean isNegative() {
        return value.signum() < 0;
    }
}
