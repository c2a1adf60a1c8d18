// Launcher runs Neo4j Community embedded, with its Bolt connector open on
// the loopback address, for development and CI (see docs/neo4j-dev.md).
//
// scripts/neo4j/start compiles it once and runs it in the background; the
// start script waits for the single readiness line printed to stdout:
//
//     NEO4J READY bolt://127.0.0.1:7687
//
// That line is printed only after the "neo4j" database has answered a query
// and the Bolt port accepts connections, so whoever sees it can connect.
// SIGTERM (scripts/neo4j/stop) shuts the engine down cleanly through a
// shutdown hook. Any failure goes to stderr and ends the JVM with exit code 1.
//
// Usage: java ... Launcher --data DIR [--port 7687] [--pagecache 128m]
// The environment variable NEO4J_PASSWORD, when set, turns authentication on
// with the user "neo4j" and that password (a command-line argument would be
// visible to every user through ps).

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

public final class Launcher {
    private static final String DATABASE = "neo4j";
    private static final String HOST = "127.0.0.1";
    // Neo4j refuses shorter passwords (dbms.security.auth_minimum_password_length).
    private static final int MIN_PASSWORD_LENGTH = 8;
    private static final Duration DATABASE_WAIT = Duration.ofMinutes(3);
    private static final Duration BOLT_PROBE_TIMEOUT = Duration.ofSeconds(10);

    private Launcher() {}

    /** Options holds what the command line and the environment asked for. */
    private record Options(Path data, int port, String pageCache, String password) {}

    /** UsageException reports a bad command line or environment, not an engine failure. */
    private static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args, System.getenv("NEO4J_PASSWORD"));
        } catch (UsageException e) {
            System.err.println("NEO4J FAILED: " + e.getMessage());
            System.err.println("usage: Launcher --data DIR [--port 7687] [--pagecache 128m]");
            System.exit(2);
            return;
        }
        Engine engine = new Engine();
        // Registered before the engine starts, so a SIGTERM that arrives while
        // the store is still opening (start timed out) also closes it cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(engine::stop, "neo4j-shutdown"));
        try {
            long started = System.nanoTime();
            engine.start(options);
            System.err.printf("neo4j: ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
            // The start script reads stdout for this exact line.
            System.out.println("NEO4J READY bolt://" + HOST + ":" + options.port());
            System.out.flush();
        } catch (Throwable e) {
            System.err.println("NEO4J FAILED: " + describe(e));
            e.printStackTrace(System.err);
            // exit() runs the shutdown hook, which closes whatever did start.
            System.exit(1);
            return;
        }
        awaitTermination();
    }

    // awaitTermination parks the main thread; the JVM ends on a signal, and
    // the shutdown hook does the cleanup.
    private static void awaitTermination() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Options parse(String[] args, String password) throws UsageException {
        Path data = null;
        int port = 7687;
        String pageCache = "128m";
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new UsageException("missing value after " + name);
            }
            String value = args[++i];
            switch (name) {
                case "--data" -> data = Path.of(value).toAbsolutePath().normalize();
                case "--port" -> port = parsePort(value);
                case "--pagecache" -> pageCache = value;
                default -> throw new UsageException("unknown option " + name);
            }
        }
        if (data == null) {
            throw new UsageException("--data is required");
        }
        if (password != null && password.isEmpty()) {
            password = null;
        }
        if (password != null && password.length() < MIN_PASSWORD_LENGTH) {
            throw new UsageException(
                    "NEO4J_PASSWORD must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        return new Options(data, port, pageCache, password);
    }

    private static int parsePort(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new UsageException("port out of range: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("port is not a number: " + value);
        }
    }

    // settings returns the engine configuration under the names neo4j.conf
    // uses, so that the docs and Neo4j's own documentation speak alike.
    static Map<String, String> settings(Options options) {
        String address = HOST + ":" + options.port();
        Map<String, String> s = new LinkedHashMap<>();
        // The store lives directly in the data folder (no data/data nesting).
        s.put("server.directories.data", options.data().toString());
        // Embedded Neo4j starts without Bolt unless told otherwise.
        s.put("server.bolt.enabled", "true");
        s.put("server.bolt.listen_address", address);
        // Drivers are sent this address (routing tables), so it must be reachable.
        s.put("server.bolt.advertised_address", address);
        s.put("server.bolt.tls_level", "DISABLED");
        s.put("dbms.security.auth_enabled", Boolean.toString(options.password() != null));
        // Neo4j sizes the page cache from the machine's RAM otherwise (GBs).
        s.put("server.memory.pagecache.size", options.pageCache());
        // Otherwise every transaction log file is preallocated at 256 MiB.
        s.put("db.tx_log.preallocate", "false");
        // Netty's quiet period (5 s by default, spent twice: once per Bolt
        // event loop group) made every stop take 12 s; a development server
        // has no in-flight work worth waiting for. Internal setting: if a
        // Neo4j upgrade drops it, strict config validation says so at start.
        s.put("internal.dbms.bolt.netty_server_shutdown_quiet_period", "0");
        return s;
    }

    // writeConfig writes the settings where a developer can read what ran.
    // The public embedded builder takes raw settings only from a file.
    private static Path writeConfig(Options options) throws IOException {
        Path file = options.data().resolve("neo4j-dev.conf");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# Written by scripts/neo4j/src/Launcher.java at every start; edits are lost.\n");
            for (Map.Entry<String, String> e : settings(options).entrySet()) {
                w.write(e.getKey() + "=" + e.getValue() + "\n");
            }
        }
        return file;
    }

    /** Engine owns the running DBMS and makes stopping it idempotent. */
    private static final class Engine {
        // How long a stop waits for a start in progress to finish building.
        private static final Duration BUILD_WAIT = Duration.ofMinutes(2);

        private final AtomicBoolean stopped = new AtomicBoolean();
        private final CountDownLatch built = new CountDownLatch(1);
        private volatile DatabaseManagementService dbms;

        void start(Options options) throws Exception {
            Files.createDirectories(options.data());
            Path config = writeConfig(options);
            // The home folder holds logs/ (debug.log); the store goes to the
            // data folder set in the config.
            long t0 = System.nanoTime();
            DatabaseManagementService service;
            try {
                service = new DatabaseManagementServiceBuilder(options.data())
                        .loadPropertiesFromFile(config)
                        .build();
                dbms = service;
            } finally {
                built.countDown();
            }
            t0 = phase("engine started", t0);
            if (stopped.get()) {
                // stop() has the service now and shuts it down.
                throw new IllegalStateException("stopped while starting");
            }
            if (options.password() != null) {
                setPassword(service, options.password());
                t0 = phase("password set", t0);
            }
            GraphDatabaseService db = service.database(DATABASE);
            if (!db.isAvailable(DATABASE_WAIT.toMillis())) {
                throw new IllegalStateException(
                        "database " + DATABASE + " not available after " + DATABASE_WAIT.toSeconds() + " s");
            }
            long one = db.executeTransactionally("RETURN 1 AS one", Map.of(),
                    result -> ((Number) result.next().get("one")).longValue());
            if (one != 1) {
                throw new IllegalStateException("RETURN 1 returned " + one);
            }
            t0 = phase("RETURN 1 answered", t0);
            probeBolt(options.port());
        }

        // phase logs how long a startup step took (slow starts are the
        // usual complaint) and returns the time the next step starts.
        private static long phase(String what, long since) {
            long now = System.nanoTime();
            System.err.printf("neo4j: %s in %.1f s%n", what, (now - since) / 1e9);
            return now;
        }

        void stop() {
            if (!stopped.compareAndSet(false, true)) {
                return;
            }
            try {
                // Closing the store beats leaving recovery work for the
                // next start; the stop script's SIGKILL bounds the wait.
                if (!built.await(BUILD_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            DatabaseManagementService service = dbms;
            if (service == null) {
                return;
            }
            PrintStream err = System.err;
            err.println("neo4j: shutting down");
            try {
                service.shutdown();
                err.println("NEO4J STOPPED");
            } catch (RuntimeException e) {
                err.println("neo4j: shutdown failed: " + describe(e));
            }
        }
    }

    // setPassword makes the built-in user "neo4j" use the given password.
    // Done on every start, so changing NEO4J_PASSWORD is enough to change it.
    // Neo4j refuses to set the password the user already has, and cannot be
    // asked which one that is; passing through a random one first makes the
    // outcome the same on a new and on an existing store, without depending
    // on the wording of that refusal.
    private static void setPassword(DatabaseManagementService service, String password) {
        GraphDatabaseService system = service.database("system");
        String query = "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED";
        system.executeTransactionally(query, Map.of("password", UUID.randomUUID().toString()));
        system.executeTransactionally(query, Map.of("password", password));
    }

    // probeBolt checks that the Bolt port accepts connections: the engine
    // answering a query in process does not prove the listener is up.
    private static void probeBolt(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), (int) BOLT_PROBE_TIMEOUT.toMillis());
        } catch (IOException e) {
            throw new IOException("bolt port " + HOST + ":" + port + " does not accept connections", e);
        }
    }

    // describe joins the messages of an exception chain: Neo4j wraps the
    // useful cause (a port in use, a locked store) several levels deep.
    static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        // Bounded, since a cause chain may loop.
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            String message = t.getMessage();
            if (message == null) {
                message = t.getClass().getName();
            }
            // Wrappers often repeat their cause's message; say it once.
            if (b.indexOf(message) >= 0) {
                continue;
            }
            if (b.length() > 0) {
                b.append(": ");
            }
            b.append(message);
        }
        return b.toString();
    }
}
