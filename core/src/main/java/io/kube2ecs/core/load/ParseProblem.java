package io.kube2ecs.core.load;

/**
 * Why an input text could not be parsed, with where (1-based; 0 when unknown).
 */
public final class ParseProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final int line;
    private final int column;
    private final String hint;

    ParseProblem(String code, String message, int line, int column, String hint) {
        super(message, null, false, false);
        this.code = code;
        this.line = line;
        this.column = column;
        this.hint = hint;
    }

    /** @return the diagnostic code */
    public String code() { return code; }
    /** @return 1-based line, or 0 */
    public int line() { return line; }
    /** @return 1-based column, or 0 */
    public int column() { return column; }
    /** @return what to do, or null */
    public String hint() { return hint; }
}
