package io.kube2ecs.cli;

import io.kube2ecs.core.UserConsole;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The console side of an input source's progress, notices and questions: progress is one line on
 * standard error, rewritten in place, and only when standard error is a terminal; notices always go
 * to standard error; a question is asked only when standard input and standard error are terminals.
 */
final class ConsoleInteraction implements UserConsole {

    private static final int MAX_TRIES = 3;

    private final Kube2Ecs cli;
    private boolean progressShown;

    ConsoleInteraction(Kube2Ecs cli) {
        this.cli = cli;
    }

    @Override
    public void progress(String message) {
        if (!cli.terminal().stderr()) {
            return;
        }
        PrintWriter err = cli.err();
        if (message.isEmpty()) {
            if (progressShown) {
                err.print("\r\033[K");
                err.flush();
                progressShown = false;
            }
            return;
        }
        err.print("\r\033[K" + message);
        err.flush();
        progressShown = true;
    }

    @Override
    public void notice(String message) {
        progress("");
        cli.err().println("kube2ecs: " + message);
    }

    @Override
    public Optional<String> choose(String question, List<String> choices, String preset) {
        if (!cli.terminal().stdin() || !cli.terminal().stderr() || choices.isEmpty()) {
            return Optional.empty();
        }
        progress("");
        PrintWriter err = cli.err();
        BufferedReader in = new BufferedReader(new InputStreamReader(cli.stdin().get(), StandardCharsets.UTF_8));
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            err.println(question);
            for (int i = 0; i < choices.size(); i++) {
                err.println(String.format("  %d) %s%s", i + 1, choices.get(i), choices.get(i).equals(preset) ? "  (current)" : ""));
            }
            err.print(preset == null ? "Number or name: " : "Number or name [" + preset + "]: ");
            err.flush();
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                return Optional.empty();
            }
            if (line == null) {
                err.println();
                return Optional.empty();
            }
            String answer = line.trim();
            if (answer.isEmpty() && preset != null) {
                return Optional.of(preset);
            }
            if (choices.contains(answer)) {
                return Optional.of(answer);
            }
            try {
                int number = Integer.parseInt(answer);
                if (number >= 1 && number <= choices.size()) {
                    return Optional.of(choices.get(number - 1));
                }
            } catch (NumberFormatException e) {
                // not a number: asked again below
            }
            err.println("'" + answer + "' is not one of the choices");
        }
        return Optional.empty();
    }
}
