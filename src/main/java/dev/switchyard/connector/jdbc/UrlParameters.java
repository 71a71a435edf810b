package dev.switchyard.connector.jdbc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.switchyard.connector.ConnectorException;

/**
 * The parameters a JDBC URL passes to its driver, checked against an allow-list per
 * database: connection, TLS, timeout and session settings only. Anything else is refused,
 * since drivers keep adding parameters that load classes, deserialise data or read local
 * files. Names are percent-decoded before they are checked ({@code %61utoDeserialize} is
 * {@code autoDeserialize} to MySQL's driver) and compared in any case.
 */
final class UrlParameters {

    private static final Set<String> COMMON = Set.of("user", "password", "connectTimeout", "socketTimeout");

    private static final Map<SqlDialect, Set<String>> ALLOWED = Map.of(SqlDialect.POSTGRESQL,
            (Set.of("ssl", "sslmode", "sslNegotiation", "sslResponseTimeout", "channelBinding", "gssEncMode",
                    "currentSchema", "ApplicationName", "loginTimeout", "cancelSignalTimeout", "tcpKeepAlive",
                    "tcpNoDelay", "targetServerType", "loadBalanceHosts", "hostRecheckSeconds", "prepareThreshold",
                    "preparedStatementCacheQueries", "defaultRowFetchSize", "reWriteBatchedInserts", "stringtype",
                    "binaryTransfer", "preferQueryMode", "readOnly", "readOnlyMode", "assumeMinServerVersion",
                    "options", "autosave", "cleanupSavepoints", "receiveBufferSize", "sendBufferSize",
                    "maxResultBuffer", "adaptiveFetch", "escapeSyntaxCallMode", "quoteReturningIdentifiers")),
            SqlDialect.MYSQL,
            (Set.of("host", "port", "protocol", "type", "useSSL", "sslMode", "requireSSL", "verifyServerCertificate",
                    "enabledTLSProtocols", "tlsVersions", "allowPublicKeyRetrieval", "serverTimezone",
                    "connectionTimeZone", "forceConnectionTimeZoneToSession", "preserveInstants", "characterEncoding",
                    "useUnicode", "connectionCollation", "zeroDateTimeBehavior", "tinyInt1isBit",
                    "transformedBitIsBoolean", "yearIsDateType", "useCursorFetch", "defaultFetchSize",
                    "rewriteBatchedStatements", "useServerPrepStmts", "cachePrepStmts", "useLegacyDatetimeCode",
                    "databaseTerm", "nullDatabaseMeansCurrent", "sessionVariables", "useCompression",
                    "useInformationSchema")),
            SqlDialect.MARIADB,
            (Set.of("host", "port", "type", "useSsl", "sslMode", "trustServerCertificate", "enabledSslProtocolSuites",
                    "enabledSslCipherSuites", "allowPublicKeyRetrieval", "useServerPrepStmts", "useBulkStmts",
                    "defaultFetchSize", "tinyInt1isBit", "yearIsDateType", "sessionVariables", "timezone",
                    "connectionTimeZone", "preserveInstants", "useCompression", "permitMysqlScheme",
                    "nullDatabaseMeansCurrent", "useCatalogTerm")),
            SqlDialect.SQLSERVER,
            (Set.of("userName", "databaseName", "database", "serverName", "portNumber", "port", "instanceName",
                    "encrypt", "trustServerCertificate", "hostNameInCertificate", "sslProtocol", "loginTimeout",
                    "queryTimeout", "cancelQueryTimeout", "lockTimeout", "applicationName", "applicationIntent",
                    "workstationID", "sendStringParametersAsUnicode", "sendTimeAsDatetime", "selectMethod",
                    "responseBuffering", "multiSubnetFailover", "packetSize", "failoverPartner",
                    "transparentNetworkIPResolution", "disableStatementPooling", "statementPoolingCacheSize",
                    "prepareMethod", "connectRetryCount", "connectRetryInterval")));

    private static final Map<SqlDialect, Set<String>> ALLOWED_LOWER_CASE = ALLOWED.entrySet()
        .stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, (e) -> lowerCase(e.getValue())));

    private static final Set<String> COMMON_LOWER_CASE = lowerCase(COMMON);

    private UrlParameters() {
    }

    /**
     * @param dialect the database kind
     * @param url the URL
     * @throws ConnectorException naming the first parameter that is not allowed
     */
    static void check(SqlDialect dialect, String url) {
        for (String name : names(dialect, url)) {
            if (dialect.isUnsafeParameter(name)) {
                throw new ConnectorException("The URL parameter '" + name
                        + "' is not allowed: it could load code or read files on the Switchyard server");
            }
            if (!isAllowed(dialect, name)) {
                throw new ConnectorException("The URL parameter '" + name + "' is not allowed: " + dialect.productName()
                        + " URLs may set only " + String.join(", ", allowed(dialect)));
            }
        }
    }

    /**
     * @param dialect the database kind
     * @param name a parameter name, decoded
     * @return whether it is on the allow-list
     */
    static boolean isAllowed(SqlDialect dialect, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return ALLOWED_LOWER_CASE.get(dialect).contains(lower) || COMMON_LOWER_CASE.contains(lower);
    }

    /**
     * @param dialect the database kind
     * @return the parameters its URLs may set, sorted
     */
    static Set<String> allowed(SqlDialect dialect) {
        Set<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        all.addAll(ALLOWED.get(dialect));
        all.addAll(COMMON);
        return all;
    }

    /**
     * The names of the parameters a URL passes, percent-decoded and trimmed: after
     * {@code ?} separated by {@code &} (PostgreSQL, MySQL, MariaDB), inside the
     * parentheses of MySQL's and MariaDB's host sections ({@code (host=a,port=1)},
     * {@code address=(host=a)(port=1)}), after the first {@code ;} separated by {@code ;}
     * (SQL Server, where braces quote a value).
     * @param dialect the database kind
     * @param url the URL
     * @return the names in URL order
     */
    static List<String> names(SqlDialect dialect, String url) {
        List<String> pairs = new ArrayList<>();
        if (dialect == SqlDialect.SQLSERVER) {
            int semicolon = url.indexOf(';');
            if (semicolon >= 0) {
                splitOutsideBraces(url.substring(semicolon + 1), pairs);
            }
        }
        else {
            int query = url.indexOf('?');
            if (dialect == SqlDialect.MYSQL || dialect == SqlDialect.MARIADB) {
                hostSections((query >= 0) ? url.substring(0, query) : url, pairs);
            }
            if (query >= 0) {
                for (String pair : url.substring(query + 1).split("&")) {
                    pairs.add(pair);
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            String name = decode((equals >= 0) ? pair.substring(0, equals) : pair).trim();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static void hostSections(String url, List<String> pairs) {
        int open = url.indexOf('(');
        while (open >= 0) {
            int close = url.indexOf(')', open);
            if (close < 0) {
                close = url.length();
            }
            for (String pair : url.substring(open + 1, close).split(",")) {
                pairs.add(pair);
            }
            open = url.indexOf('(', close);
        }
    }

    private static void splitOutsideBraces(String text, List<String> pairs) {
        StringBuilder current = new StringBuilder();
        boolean braced = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                braced = true;
            }
            else if (c == '}') {
                braced = false;
            }
            if (c == ';' && !braced) {
                pairs.add(current.toString());
                current.setLength(0);
            }
            else {
                current.append(c);
            }
        }
        pairs.add(current.toString());
    }

    /**
     * Percent-decodes as UTF-8 ({@code +} stays); a {@code %} not followed by two hex
     * digits stays as it is, so that the name is refused as unknown.
     */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0
                    && hex(text.charAt(i + 2)) >= 0) {
                bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 3;
            }
            else {
                int end = i + Character.charCount(text.codePointAt(i));
                byte[] encoded = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static Set<String> lowerCase(Set<String> names) {
        return names.stream().map((n) -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

}
