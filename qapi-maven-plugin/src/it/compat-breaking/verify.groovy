// The build failed on the removed member, named by its path, with the report written and no stack trace.
def log = new File(basedir, 'build.log').text
def finding = "breaking: set-widget/arg-type/colour: member-removed (old: string at src/compat/qapi-schema-1.0.json:4; new: absent at src/main/qapi/qapi-schema.json:4)"
assert log.contains("[ERROR] " + finding)
assert log =~ /Failed to execute goal dev\.qapi:qapi-maven-plugin:[^:]+:compat \(default\) on project compat-breaking: qapi: 1 breaking change against the baseline, the first: \Q${finding}\E/
assert !log.contains('at dev.qapi.') : 'a stack trace was printed'
def report = new File(basedir, 'target/qapi-compat/compat-report.txt')
assert report.text == finding + "\n"
assert new File(basedir, 'target/qapi-compat/compat-report.json').text.contains('"path" : "set-widget/arg-type/colour"')
