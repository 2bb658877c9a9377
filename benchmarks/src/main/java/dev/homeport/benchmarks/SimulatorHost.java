package dev.homeport.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The child JVM of {@link RemoteSims}: runs {@link LocalSims} and answers one command per line on
 * standard input with one line on standard output ({@code OK ...} or {@code ERR ...}). Ends when
 * its input ends, so it never outlives the load run that started it.
 */
public final class SimulatorHost {

  private SimulatorHost() {}

  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    // Nothing but replies may reach standard output.
    System.setOut(System.err);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try (LocalSims sims = new LocalSims(true)) {
      out.println("OK ready");
      String line;
      while ((line = in.readLine()) != null) {
        String[] words = line.trim().split(" ");
        try {
          String reply = execute(sims, words);
          if (reply == null) {
            out.println("OK bye");
            break;
          }
          out.println("OK " + reply);
        } catch (RuntimeException e) {
          out.println("ERR " + e.toString().replace('\n', ' '));
        }
      }
    }
    System.exit(0);
  }

  private static String execute(LocalSims sims, String[] words) {
    switch (words[0]) {
      case "kasa":
        List<SimControl.KasaTarget> targets = sims.startKasa(Integer.parseInt(words[1]));
        return targets.stream().map(t -> t.name() + "," + t.port() + "," + t.fingerprint())
            .collect(Collectors.joining(" "));
      case "unreachable":
        sims.kasaUnreachable(Boolean.parseBoolean(words[1]));
        return "";
      case "clear":
        sims.clearRecords();
        return "";
      case "st":
        SimControl.SmartThingsTarget st = sims.startSmartThings();
        return st.url() + " " + st.csrfToken() + " " + st.cookie() + " " + st.fingerprint();
      case "push":
        SimControl.PushReport report = sims.pushMeasured(Long.parseLong(words[1]), Long.parseLong(words[2]));
        return report.nanos() + " " + report.processCpuNanos() + " " + report.pusherCpuNanos() + " " + report.byThread();
      case "drop":
        sims.drop();
        return "";
      case "subs":
        return Integer.toString(sims.liveSubscriptions());
      case "quit":
        return null;
      default:
        throw new IllegalArgumentException("unknown command " + words[0]);
    }
  }
}
