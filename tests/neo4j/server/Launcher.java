// A throw-away Neo4j 5 for the test suite: Neo4j's own in-process test server
// (neo4j-harness) with Bolt on 127.0.0.1 and a port the OS picks. It prints one line,
// `NEO4J_URI=bolt://127.0.0.1:<port>`, once Bolt accepts connections, and exits when its
// standard input closes, which happens when the process that started it (vitest's
// global setup) exits for any reason, a crash or a kill included.
//
// Run as a single-file source program (Java 11+): java -cp "$(cat target/classpath.txt)" Launcher.java [servers] [--from HOME]
//
// --from HOME starts each server on a copy of the databases under HOME/data (a
// NEO4J_HOME that `neo4j-admin database import` wrote into), the way a user's server
// starts on what the importer wrote; HOME itself is left as it is.
//
// The settings mirror docker-compose.yml's lock-down, so what the tests see Neo4j refuse is
// what a user's server refuses: no LOAD CSV from local files, no unrestricted procedures.
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

public class Launcher {
  public static void main(String[] args) throws Exception {
    // One server per test worker: Community Edition has one user database, so test files
    // running side by side each get a server of their own (they share this JVM).
    int servers = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    Path from = args.length > 2 && args[1].equals("--from") ? Path.of(args[2]) : null;
    Path workDir = Files.createTempDirectory("papergraph-neo4j-");
    List<Neo4j> started = new ArrayList<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      for (Neo4j neo4j : started) neo4j.close();
      deleteTree(workDir);
    }));
    for (int i = 0; i < servers; i++) {
      var builder = Neo4jBuilders.newInProcessBuilder(workDir);
      // The harness's home is its server folder; data/ is the default data directory there.
      if (from != null) builder.copyFrom(from);
      Neo4j neo4j = builder
          .withDisabledServer()
          .withConfig(BoltConnector.enabled, true)
          .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
          .withConfig(GraphDatabaseSettings.allow_file_urls, false)
          .withConfig(GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024)
          .build();
      started.add(neo4j);
      System.out.println("NEO4J_URI=" + neo4j.boltURI().toString().replace("localhost", "127.0.0.1").replaceAll("/$", ""));
      System.out.flush();
    }
    while (System.in.read() != -1) {
      // Nothing is read from the parent; the stream only tells us it is alive.
    }
    System.exit(0);
  }

  private static void deleteTree(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A leftover temp directory is harmless; the OS cleans /tmp.
    }
  }
}
