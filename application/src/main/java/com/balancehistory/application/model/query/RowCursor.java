package com.balancehistory.application.model.query;

import java.util.Iterator;

/**
 * Rows read one by one from an open database cursor. Close it (try-with-resources) to release the connection,
 * whether or not every row was read.
 */
public interface RowCursor<T> extends Iterator<T>, AutoCloseable {

    @Override
    void close();
}
