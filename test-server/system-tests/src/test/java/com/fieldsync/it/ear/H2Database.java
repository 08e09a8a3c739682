package com.fieldsync.it.ear;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads an H2 file database with the H2 driver that ships in the Payara Server distribution
 * ({@code h2db/bin/h2.jar}, the one the server itself uses), loaded in its own class loader so this
 * module needs no H2 dependency. Only for a database the server has closed: H2 locks an open file.
 */
final class H2Database {

    private H2Database() {}

    /**
     * The names of the tables in the {@code PUBLIC} schema.
     *
     * @param payaraHome the unpacked {@code payara6} directory
     * @param url a JDBC URL of an existing database, e.g. {@code jdbc:h2:/path/db;IFEXISTS=TRUE}
     */
    static List<String> publicTables(Path payaraHome, String url, String user, String password) throws SQLException {
        Path jar = payaraHome.resolve("h2db/bin/h2.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no H2 driver at " + jar);
        }
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Driver driver = (Driver)
                    loader.loadClass("org.h2.Driver").getDeclaredConstructor().newInstance();
            Properties credentials = new Properties();
            credentials.setProperty("user", user);
            credentials.setProperty("password", password);
            try (Connection connection = driver.connect(url, credentials);
                    ResultSet tables =
                            connection.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
                List<String> names = new ArrayList<>();
                while (tables.next()) {
                    names.add(tables.getString("TABLE_NAME"));
                }
                return names;
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (ReflectiveOperationException | java.io.IOException e) {
            throw new IllegalStateException("cannot load the H2 driver from " + jar, e);
        }
    }
}
