package com.balancehistory.bootstrap;

import com.balancehistory.adapters.http.out.common.HttpClients;

/** Where each source's JDK HTTP clients come from: the JDK's own, unless a test makes one die. */
@FunctionalInterface
public interface SourceHttpClients {

    HttpClients of(String source);
}
