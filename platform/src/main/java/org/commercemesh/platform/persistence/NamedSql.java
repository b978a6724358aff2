package org.commercemesh.platform.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL written with {@code :name} parameters (as Hibernate's native queries take them) turned into
 * the {@code $n} placeholders of PostgreSQL's protocol, which the reactive client speaks. A name
 * used twice is one placeholder; {@code ::} casts and quoted text are left alone.
 */
record NamedSql(String sql, List<String> names) {

    static NamedSql parse(String named) {
        StringBuilder sql = new StringBuilder(named.length());
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < named.length()) {
            char c = named.charAt(i);
            if (c == '\'' || c == '"') {
                int end = named.indexOf(c, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated " + c + " in: " + named);
                }
                sql.append(named, i, end + 1);
                i = end + 1;
            } else if (c == ':' && i + 1 < named.length() && named.charAt(i + 1) == ':') {
                sql.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < named.length() && Character.isJavaIdentifierStart(named.charAt(i + 1))) {
                int end = i + 1;
                while (end < named.length() && Character.isJavaIdentifierPart(named.charAt(end))) {
                    end++;
                }
                String name = named.substring(i + 1, end);
                if (!names.contains(name)) {
                    names.add(name);
                }
                sql.append('$').append(names.indexOf(name) + 1);
                i = end;
            } else {
                sql.append(c);
                i++;
            }
        }
        return new NamedSql(sql.toString(), List.copyOf(names));
    }
}
