package dev.qapi.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaErrorReportTest {

    @Test
    void theSummaryIsTheFirstLocatedLineAfterTheIncludeChainAndContext() {
        SchemaErrorReport report = SchemaErrorReport.of("""
                In file included from qapi-schema.json:1:
                sub/types.json: In struct 'Target':
                sub/types.json:3: member 'name' uses unknown type 'nosuchtype'""");

        assertEquals(3, report.lines().size());
        assertEquals("sub/types.json:3: member 'name' uses unknown type 'nosuchtype'", report.summary());
    }

    @Test
    void aParseErrorKeepsItsColumn() {
        assertEquals("a.json:2:5: expected ':'", SchemaErrorReport.of("a.json:2:5: expected ':'").summary());
    }

    @Test
    void anUnlocatedErrorIsItsOwnSummary() {
        SchemaErrorReport report = SchemaErrorReport.of("can't read schema file 'x.json': No such file");

        assertEquals(List.of("can't read schema file 'x.json': No such file"), report.lines());
        assertEquals("can't read schema file 'x.json': No such file", report.summary());
    }
}
