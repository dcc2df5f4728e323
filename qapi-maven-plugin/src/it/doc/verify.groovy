// The first build wrote the reference as HTML and Markdown: an index, a page per module, the stylesheet;
// every link within the site leads to a page that exists and to an id on it. The second build, with
// nothing changed, logged "up to date" and wrote nothing: every page and the state are older than the
// marker made at its start.
def doc = new File(basedir, 'target/qapi-doc')
def pages = []
doc.eachFileRecurse(groovy.io.FileType.FILES) { pages << it }
def names = pages.collect { doc.toPath().relativize(it.toPath()).toString().replace(File.separator, '/') } as Set

['index.html', 'index.md'].each { assert it in names : "${it} missing (have ${names})" }
assert names.any { it.endsWith('.css') } : 'no stylesheet'
def modulePages = names.findAll { it.endsWith('.html') && it != 'index.html' }
assert modulePages.size() == 2 : "expected a page for each of the two modules, have ${modulePages}"
names.findAll { it.endsWith('.html') }.each { assert (it.replaceAll(/\.html$/, '.md')) in names }

def html = names.findAll { it.endsWith('.html') }.collect { new File(doc, it).text }.join('\n')
['switch-lamp', 'LAMP_CHANGED', 'LampState', 'LampColor', 'Lamp Control'].each {
    assert html.contains(it) : "${it} is not documented"
}

// id="..." (HTML) and <a id="..."></a> (Markdown) are the anchors; href="..." and ](...) the links.
def idsOf = { String name, String text ->
    def ids = [] as Set
    def m = name.endsWith('.html') ? (text =~ /\sid="([^"]*)"/) : (text =~ /<a id="([^"]*)"><\/a>/)
    m.each { ids << it[1] }
    ids
}
def linksOf = { String name, String text ->
    if (name.endsWith('.md')) {
        text = text.replaceAll(/(?ms)^ *(```|~~~~)$.*?^ *\1$/, '').replaceAll(/(`+)(?!`).*?(?<!`)\1(?!`)/, '``')
        return (text =~ /\]\(([^)\s]*)\)/).collect { it[1] }
    }
    (text =~ /\shref="([^"]*)"/).collect { it[1].replace('&amp;', '&') }
}
def ids = [:]
names.findAll { it.endsWith('.html') || it.endsWith('.md') }.each { ids[it] = idsOf(it, new File(doc, it).text) }
def broken = []
def checked = 0
ids.keySet().each { page ->
    linksOf(page, new File(doc, page).text).each { target ->
        if (target ==~ /[a-z]+:.*/) {
            return
        }
        def hash = target.indexOf('#')
        def file = hash < 0 ? target : target.substring(0, hash)
        def anchor = hash < 0 ? null : target.substring(hash + 1)
        def resolved = file.isEmpty() ? page : file
        checked++
        if (!(resolved in names)) {
            broken << "${page}: ${target} (no such page)"
        } else if (anchor != null && !(anchor in ids[resolved])) {
            broken << "${page}: ${target} (no such anchor)"
        }
    }
}
assert broken.isEmpty() : "broken links:\n" + broken.join('\n')
assert checked > 20 : "only ${checked} links checked"
// a type used in the root module links to its entry on the included module's page
assert html =~ /href="[^"#]+\.html#type-LampState"/

def log = new File(basedir, 'build.log').text
assert log.count('qapi: generated the documentation of src/main/qapi/qapi-schema.json') == 1
assert log.count('qapi: documentation of src/main/qapi/qapi-schema.json up to date') == 1

def marker = new File(basedir, 'target/second-run.marker')
assert marker.isFile()
def state = new File(basedir, 'target/maven-status/qapi/default/doc-state.txt')
assert state.isFile()
(pages + state).each {
    assert it.lastModified() < marker.lastModified() : "${it} was rewritten by the second build"
}
true
