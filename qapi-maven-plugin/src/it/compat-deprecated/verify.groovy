// Both builds passed and reported the removal as allowed; the second, with nothing changed, compared
// nothing again (one "up to date" line) and still reported the finding from the last report.
def log = new File(basedir, 'build.log').text
def finding = "deprecated-removal: set-widget/arg-type/colour: member-removed (old: string at src/compat/qapi-schema-1.0.json:4; new: absent at src/main/qapi/qapi-schema.json:4)"
assert log.count("[WARNING] " + finding) == 2
assert new File(basedir, 'target/qapi-compat/compat-report.txt').text == finding + "\n"
assert log.count('qapi: generated the compatibility report of src/main/qapi/qapi-schema.json') == 1
assert log.count('qapi: compatibility report of src/main/qapi/qapi-schema.json up to date (2 files)') == 1
assert log.count("qapi: 1 compatibility findings, 0 breaking") == 2
assert log.count('BUILD SUCCESS') == 2
