// The failure names the baseline's entry and what is wrong with it, without a stack trace, and no
// report or state is left behind.
def log = new File(basedir, 'build.log').text
def message = "src/compat/qemu.json: entry 1: 'members' must be an array, and is missing"
assert log.contains("[ERROR] " + message)
assert log =~ /Failed to execute goal dev\.qapi:qapi-maven-plugin:[^:]+:compat \(default\) on project compat-bad-baseline: qapi: invalid baseline: \Q${message}\E/
assert !log.contains('at dev.qapi.') : 'a stack trace was printed'
assert !new File(basedir, 'target/qapi-compat/compat-report.txt').exists()
assert !new File(basedir, 'target/maven-status/qapi/default/compat-state.txt').exists()
