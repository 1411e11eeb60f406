// Just enough JSON reading for the shared test vectors: objects, arrays, strings, numbers,
// booleans and null, into Map/List/String/Double/Boolean/null.

class Json private constructor(private val text: String) {
    private var at = 0

    companion object {
        fun parse(text: String): Any? = Json(text).run { value().also { space(); check(at == text.length) { "trailing JSON" } } }
    }

    private fun space() {
        while (at < text.length && text[at].isWhitespace()) at++
    }

    private fun value(): Any? {
        space()
        return when (val c = text[at]) {
            '{' -> obj()
            '[' -> arr()
            '"' -> str()
            't' -> { at += 4; true }
            'f' -> { at += 5; false }
            'n' -> { at += 4; null }
            else -> if (c == '-' || c.isDigit()) num() else error("bad JSON at $at")
        }
    }

    private fun obj(): Map<String, Any?> {
        val map = LinkedHashMap<String, Any?>()
        at++
        space()
        if (text[at] == '}') { at++; return map }
        while (true) {
            space(); val key = str(); space(); check(text[at++] == ':')
            map[key] = value(); space()
            if (text[at++] == '}') return map
        }
    }

    private fun arr(): List<Any?> {
        val list = ArrayList<Any?>()
        at++
        space()
        if (text[at] == ']') { at++; return list }
        while (true) {
            list.add(value()); space()
            if (text[at++] == ']') return list
        }
    }

    private fun num(): Double {
        val start = at
        while (at < text.length && (text[at].isDigit() || text[at] in "+-.eE")) at++
        return text.substring(start, at).toDouble()
    }

    private fun str(): String {
        check(text[at++] == '"')
        val out = StringBuilder()
        while (true) {
            when (val c = text[at++]) {
                '"' -> return out.toString()
                '\\' -> when (val e = text[at++]) {
                    'n' -> out.append('\n'); 't' -> out.append('\t'); 'r' -> out.append('\r')
                    'b' -> out.append('\b'); 'f' -> out.append('\u000c')
                    'u' -> { out.append(text.substring(at, at + 4).toInt(16).toChar()); at += 4 }
                    else -> out.append(e)
                }
                else -> out.append(c)
            }
        }
    }
}
