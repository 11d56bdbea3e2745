package io.kube2ecs.testkit;

import java.util.ArrayList;
import java.util.List;

/** A small unified-style line diff for golden-test failure messages. */
public final class TextDiff {

    private TextDiff() {
    }

    /**
     * @param expected the expected text
     * @param actual   the actual text
     * @return lines prefixed with {@code -} (expected only), {@code +} (actual only) or a space,
     *         with unchanged runs longer than six lines elided
     */
    public static String diff(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add("  " + a[i]);
                i++;
                j++;
            } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                lines.add("+ " + b[j++]);
            } else {
                lines.add("- " + a[i++]);
            }
        }
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < lines.size(); k++) {
            boolean near = false;
            for (int d = Math.max(0, k - 3); d <= Math.min(lines.size() - 1, k + 3); d++) {
                near |= !lines.get(d).startsWith("  ");
            }
            if (near) {
                out.append(lines.get(k)).append('\n');
            } else if (out.length() == 0 || !out.toString().endsWith("...\n")) {
                out.append("  ...\n");
            }
        }
        return out.toString();
    }
}
