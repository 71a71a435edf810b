package dev.switchyard.connector.jdbc;

import java.sql.Driver;
import java.util.Locale;
import java.util.Set;

import dev.switchyard.connector.ConnectorException;

/**
 * What Switchyard knows about each database it reads through JDBC: its URL scheme and
 * driver, how it quotes identifiers, where its tables live by default and which URL
 * parameters are refused because they could load code or read local files.
 */
public enum SqlDialect {

    /** PostgreSQL: double quotes, schemas, {@code public} by default. */
    POSTGRESQL("PostgreSQL", "jdbc:postgresql:", "\"", "\"", 5432, false, "org.postgresql.Driver",
            Set.of("socketfactory", "socketfactoryarg", "sslfactory", "sslfactoryarg", "sslhostnameverifier",
                    "sslpasswordcallback", "authenticationpluginclassname", "loggerfile")),

    /** MySQL: backticks, and the database is the schema. */
    MYSQL("MySQL", "jdbc:mysql:", "`", "`", 3306, true, "com.mysql.cj.jdbc.Driver",
            Set.of("allowloadlocalinfile", "allowloadlocalinfileinpath", "allowurlinlocalinfile", "autodeserialize",
                    "queryinterceptors", "exceptioninterceptors", "connectionlifecycleinterceptors", "socketfactory",
                    "propertiestransform", "authenticationplugins", "clientinfoprovider", "localsocketaddress",
                    "logger", "profilereventhandler")),

    /** MariaDB: backticks, and the database is the schema. */
    MARIADB("MariaDB", "jdbc:mariadb:", "`", "`", 3306, true, "org.mariadb.jdbc.Driver",
            Set.of("allowlocalinfile", "socketfactory", "credentialtype", "codecs", "localsocketaddress")),

    /** SQL Server: square brackets, {@code dbo} by default. */
    SQLSERVER("SQL Server", "jdbc:sqlserver:", "[", "]", 1433, false, "com.microsoft.sqlserver.jdbc.SQLServerDriver",
            Set.of("socketfactoryclass", "socketfactoryconstructorarg", "trustmanagerclass",
                    "trustmanagerconstructorarg", "accesstokencallbackclass"));

    /** How long opening a connection may take. */
    static final int CONNECT_TIMEOUT_SECONDS = 10;

    /** How long the database may stay silent while a query runs. */
    static final int SOCKET_TIMEOUT_SECONDS = 600;

    private final String productName;

    private final String urlPrefix;

    private final String openQuote;

    private final String closeQuote;

    private final int defaultPort;

    private final boolean schemaIsCatalog;

    private final String driverClass;

    private final Set<String> unsafeParameters;

    SqlDialect(String productName, String urlPrefix, String openQuote, String closeQuote, int defaultPort,
            boolean schemaIsCatalog, String driverClass, Set<String> unsafeParameters) {
        this.productName = productName;
        this.urlPrefix = urlPrefix;
        this.openQuote = openQuote;
        this.closeQuote = closeQuote;
        this.defaultPort = defaultPort;
        this.schemaIsCatalog = schemaIsCatalog;
        this.driverClass = driverClass;
        this.unsafeParameters = unsafeParameters;
    }

    /**
     * @param url a JDBC URL
     * @return the dialect its scheme names
     * @throws ConnectorException for a missing URL or any other scheme ({@code jdbc:h2:}
     * and friends can reach local files, so they are refused)
     */
    public static SqlDialect forUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new ConnectorException("A JDBC URL is required, such as jdbc:postgresql://host:5432/database");
        }
        String lower = url.trim().toLowerCase(Locale.ROOT);
        for (SqlDialect dialect : values()) {
            if (lower.startsWith(dialect.urlPrefix)) {
                return dialect;
            }
        }
        String scheme = lower.replaceFirst("^(jdbc:[a-z0-9+.\\-]*).*$", "$1");
        throw new ConnectorException("'" + (scheme.length() < 40 ? scheme : scheme.substring(0, 40))
                + "' URLs are not supported: use a jdbc:postgresql:, jdbc:mysql:, jdbc:mariadb: or jdbc:sqlserver: URL");
    }

    /**
     * @param productName what {@code DatabaseMetaData.getDatabaseProductName()} says
     * @return the dialect
     * @throws ConnectorException for a database Switchyard does not read
     */
    public static SqlDialect forProductName(String productName) {
        String lower = (productName != null) ? productName.toLowerCase(Locale.ROOT) : "";
        if (lower.contains("postgres")) {
            return POSTGRESQL;
        }
        if (lower.contains("mariadb")) {
            return MARIADB;
        }
        if (lower.contains("mysql")) {
            return MYSQL;
        }
        if (lower.contains("sql server")) {
            return SQLSERVER;
        }
        throw new ConnectorException("'" + productName + "' databases are not supported");
    }

    /**
     * @param identifier a table, column or schema name as the database spells it
     * @return it quoted, with embedded closing quotes doubled
     */
    public String quote(String identifier) {
        return this.openQuote + identifier.replace(this.closeQuote, this.closeQuote + this.closeQuote)
                + this.closeQuote;
    }

    /**
     * @param schema the schema (the database for MySQL and MariaDB)
     * @param table the table
     * @return {@code schema.table}, both quoted
     */
    public String qualify(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    /**
     * @param database the database the connection opened, or null
     * @return the schema read when none is configured: {@code public}, {@code dbo}, or
     * the database itself for MySQL and MariaDB (null when there is none)
     */
    public String defaultSchema(String database) {
        return switch (this) {
            case POSTGRESQL -> "public";
            case SQLSERVER -> "dbo";
            case MYSQL, MARIADB -> database;
        };
    }

    /**
     * @return whether the "schema" is a JDBC catalog (MySQL, MariaDB) rather than a JDBC
     * schema
     */
    public boolean schemaIsCatalog() {
        return this.schemaIsCatalog;
    }

    /**
     * @return the port used when the URL names none
     */
    public int defaultPort() {
        return this.defaultPort;
    }

    /**
     * @return a readable name, such as {@code SQL Server}
     */
    public String productName() {
        return this.productName;
    }

    /**
     * @param parameter a URL or connection parameter name, any case
     * @return whether it could load classes or read local files, and so is refused
     */
    public boolean isUnsafeParameter(String parameter) {
        return this.unsafeParameters.contains(parameter.toLowerCase(Locale.ROOT));
    }

    Driver driver() {
        try {
            return (Driver) Class.forName(this.driverClass).getDeclaredConstructor().newInstance();
        }
        catch (ReflectiveOperationException | LinkageError ex) {
            throw new ConnectorException("The " + this.productName + " JDBC driver is not available", ex);
        }
    }

}
