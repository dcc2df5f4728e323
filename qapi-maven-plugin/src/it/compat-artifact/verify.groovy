// The baseline came from the installed 1.0 jar's qapi-introspect.json; the findings are the wire ones
// (no schema positions on the baseline's side, which is introspection data).
def report = new File(basedir, 'target/qapi-compat/compat-report.txt').text
assert report == "note: query-widgets/ret-type/shape/^triangle: enum-value-added (new: value at src/next/qapi/qapi-schema.json:2)\n" +
        "breaking: set-widget/arg-type/shape/^square: enum-value-removed (old: value; new: absent at src/next/qapi/qapi-schema.json:2)\n"
assert new File(basedir, 'target/qapi-compat/baseline/compat-artifact-1.0-qapi-introspect.json').text.startsWith('[')
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
