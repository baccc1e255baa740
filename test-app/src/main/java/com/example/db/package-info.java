/**
 * The service's SQL database: one {@link com.example.db.Database} that hands out JDBC connections (embedded H2
 * by default, any JDBC URL such as PostgreSQL through {@code DB_URL}), creates and seeds the tables, counts the
 * queries it runs and adds a configurable delay to each to stand in for a slow remote database.
 */
package com.example.db;
