package org.trailworkbench.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The reference the import issue measures against: DuckDB, the engine behind SQL tools over CloudTrail
 * files such as Tailpipe, loading the same log files into a table of its own, one row per record. Started
 * by {@link Benchmarks} in a process of its own, as a user would run it, and only through JDBC: the driver
 * is a dependency of the {@code bench} profile alone, so the tests never download it.
 *
 * <p>Two loads: {@code json} keeps each record as a JSON value (DuckDB parses and checks it, nothing more,
 * the least it can do); {@code typed} lets DuckDB infer a column type for every field, as an analyst who
 * wants to query the fields would.
 *
 * <p>Arguments: glob of the log files, database file, {@code json} or {@code typed}. Prints the row count.
 */
public final class DuckDbLoad {

    private DuckDbLoad() {
    }

    public static void main(String[] args) throws SQLException {
        String glob = args[0].replace("'", "''");
        String sql = switch (args[2]) {
            case "json" -> "CREATE TABLE events AS SELECT unnest(Records) AS record FROM read_json('" + glob
                    + "', columns = {'Records': 'JSON[]'})";
            case "typed" -> "CREATE TABLE events AS SELECT unnest(Records, max_depth := 2) FROM read_json('" + glob
                    + "')";
            default -> throw new IllegalArgumentException("load json or typed, not " + args[2]);
        };
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + args[1]);
             Statement statement = db.createStatement()) {
            statement.execute(sql);
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM events")) {
                rows.next();
                System.out.println(rows.getLong(1));
            }
        }
    }
}
