package com.balancehistory.adapters.http.out.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonListingTest {

    /** Bodies well-formed and not, each read both ways. */
    private static final List<String> BODIES = List.of(
            "{\"code\":\"SUCCESS\",\"data\":[{\"a\":1},{\"b\":\"x\",\"n\":94.50}]}",
            "{\"data\":[{\"a\":1}],\"code\":\"SUCCESS\",\"extra\":{\"data\":[1]}}",
            "{\"data\":[]}",
            "{\"code\":\"SUCCESS\"}",
            "{\"data\":null}",
            "{\"data\":{}}",
            "{\"data\":\"x\"}",
            "{\"data\":[1]}",
            "{\"data\":[{\"a\":1},\"s\",{}]}",
            "{\"data\":[{},[1,[2]]]}",
            "{\"data\":[{},null,{}]}",
            "{\"data\":[true]}",
            "{\"data\":[{\"n\":1e999999999}]}",
            "[1]",
            "[1",
            "\"x\"",
            "1e999999999",
            "null",
            "{\"a\":1,\"a\":2}",
            "{\"data\":[{\"a\":1,\"a\":2}]}",
            "{\"data\":[],\"data\":[]}",
            "{\"data\":[1],\"code\":\"x\",\"code\":\"y\"}",
            "{\"a\":1} x",
            "{\"a\":1} {\"b\":2}",
            "{\"a\":1} 5",
            "{\"data\":[\"s\"]} [",
            "[1] x",
            "{\"data\":[{\"a\":1}",
            "{\"data\":[{\"a\":1},]}",
            "{\"data\":[{\"a\":1}],}",
            "{\"data\":[{\"a\":1}]",
            "{\"data\":[{\"a\":01}]}",
            "{\"data\":[{\"a\":\"\\q\"}]}",
            "{\"data\":[{\"a\":1}]} // comment",
            "{",
            "}",
            "",
            "   ");

    @Test
    void reads_every_body_as_the_whole_tree_did_with_the_same_elements_fields_and_error_messages() {
        for (String body : BODIES) {
            assertThat(streamed(body)).as(body).isEqualTo(asTree(body));
        }
    }

    @Test
    void hands_over_only_the_first_elements_and_counts_the_rest() {
        List<String> handed = new ArrayList<>();
        JsonListing listing = JsonListing.read(
                "{\"rows\":[{\"id\":\"a\"},{\"id\":\"b\"},{\"id\":\"c\"},{\"id\":\"d\"}]}",
                "rows",
                2,
                row -> handed.add(row.path() + "=" + row.text("id")));

        assertThat(handed).containsExactly("rows[0]=a", "rows[1]=b");
        assertThat(listing.size()).isEqualTo(4);
    }

    @Test
    void an_element_that_is_not_an_object_beyond_the_handed_over_ones_still_fails_the_listing() {
        JsonListing listing = JsonListing.read("{\"data\":[{},{},\"x\"]}", "data", 1, element -> {});

        assertThatThrownBy(listing::size)
                .isInstanceOf(MalformedResponseException.class)
                .hasMessage("data[2]: expected an object, got string");
    }

    @Test
    void the_fields_beside_the_listing_are_read_from_the_root_wherever_they_stand() {
        JsonListing listing = JsonListing.read(
                "{\"data\":[{\"a\":1}],\"code\":\"SUCCESS\",\"count\":7}", "data", Integer.MAX_VALUE, e -> {});

        assertThat(listing.root().text("code")).isEqualTo("SUCCESS");
        assertThat(listing.root().integer("count")).isEqualTo(7);
        assertThat(listing.root().has("data")).isFalse();
    }

    /** What the caller saw before: the whole tree, then its root, the code, and the listing's elements. */
    private static String asTree(String body) {
        try {
            JsonCursor root = JsonCursor.root(ProviderJson.parse(body));
            List<JsonCursor> elements = root.objects("data");
            List<String> out = new ArrayList<>();
            elements.forEach(e -> out.add(describe(e)));
            return out + " size " + elements.size() + " code " + root.optionalText("code");
        } catch (MalformedResponseException e) {
            return "error " + e.getMessage();
        }
    }

    private static String streamed(String body) {
        try {
            List<String> out = new ArrayList<>();
            JsonListing listing = JsonListing.read(body, "data", Integer.MAX_VALUE, e -> out.add(describe(e)));
            int size = listing.size();
            return out + " size " + size + " code " + listing.root().optionalText("code");
        } catch (MalformedResponseException e) {
            return "error " + e.getMessage();
        }
    }

    /** An element's path and exact content (a decimal's scale included). */
    private static String describe(JsonCursor element) {
        return element.path() + "=" + element.node() + (element.has("n") ? " n=" + element.decimal("n") : "");
    }
}
