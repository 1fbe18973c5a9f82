package com.balancehistory.adapters.http.in;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void cells_that_a_spreadsheet_would_run_as_formulas_are_written_as_text() {
        assertThat(CsvWriter.text(
                        "=HYPERLINK(\"http://evil\",\"x\")", "+SUM(A1)", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",'+SUM(A1),'-2+3,'@SUM(A1),"
                        + "'\tcmd,\"'\rcmd\"\r\n");
    }

    @Test
    void negative_amounts_and_ordinary_text_are_left_alone() {
        assertThat(CsvWriter.text("-12.50", "-3", "Main budget", "", null)).isEqualTo("-12.50,-3,Main budget,,\r\n");
    }
}
