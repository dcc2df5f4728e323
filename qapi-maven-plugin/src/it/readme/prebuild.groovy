// Writes the files a new user would copy from the READMEs: pom.xml and the schema from the plugin
// README, the server from the runtime README. Nothing else of the project comes from here.
def pluginDir = new File(basedir, '../../..').canonicalFile
def pluginReadme = new File(pluginDir, 'README.md').text
def runtimeReadme = new File(pluginDir, '../qapi-runtime/README.md').text

// The body of the first block fenced with ```LANG whose text contains `marker`.
def block = { String text, String lang, String marker ->
    def m = java.util.regex.Pattern.compile('(?ms)^```' + lang + '\n(.*?)^```$').matcher(text)
    def found = null
    while (found == null && m.find()) {
        found = m.group(1).contains(marker) ? m.group(1) : null
    }
    assert found != null : "no ```${lang} block with '${marker}'"
    found
}

def pom = block(pluginReadme, 'xml', '<project')
def version = (new File(basedir, 'pom.xml').text =~ /<qapi.version>(.*)<\/qapi.version>/)[0][1]
assert pom.contains("<qapi.version>${version}</qapi.version>") : "the README's pom.xml does not name version ${version}"
new File(basedir, 'pom.xml').text = pom

def schema = new File(basedir, 'src/main/qapi/qapi-schema.json')
schema.parentFile.mkdirs()
schema.text = block(pluginReadme, 'json', "'command'")

def server = new File(basedir, 'src/main/java/com/example/HelloServer.java')
server.parentFile.mkdirs()
server.text = block(runtimeReadme, 'java', 'class HelloServer')
return true
