package org.masthead.web;

/**
 * Which coding of a kept page a request's Accept-Encoding asks for (RFC 9110, 12.5.3): gzip,
 * the bytes as they are, or neither. Quality values count: {@code gzip;q=0} refuses gzip, a
 * higher q for {@code identity} (named, or through {@code *}) than for gzip prefers the plain bytes, {@code *} stands for any
 * coding not named, and identity is acceptable unless refused by name or by {@code *;q=0}.
 */
enum AcceptEncoding {
    GZIP, IDENTITY, NONE;

    /** Quality values in thousandths: 1000 is q=1; -1 means "not named". */
    private static final int UNNAMED = -1;

    static AcceptEncoding of(String header) {
        if (header == null || header.isBlank()) {
            return IDENTITY; // no preference stated: the plain bytes suit every client
        }
        int gzip = UNNAMED;
        int identity = UNNAMED;
        int any = UNNAMED;
        int start = 0;
        while (start <= header.length()) {
            int end = header.indexOf(',', start);
            if (end < 0) {
                end = header.length();
            }
            int semicolon = header.indexOf(';', start);
            int nameEnd = semicolon >= 0 && semicolon < end ? semicolon : end;
            String name = header.substring(start, nameEnd).strip();
            int q = nameEnd < end ? quality(header.substring(nameEnd + 1, end)) : 1000;
            if (q >= 0) {
                if (name.equalsIgnoreCase("gzip") || name.equalsIgnoreCase("x-gzip")) {
                    gzip = Math.max(gzip, q);
                } else if (name.equalsIgnoreCase("identity")) {
                    identity = Math.max(identity, q);
                } else if (name.equals("*")) {
                    any = Math.max(any, q);
                }
            }
            start = end + 1;
        }
        int gzipQ = gzip != UNNAMED ? gzip : any != UNNAMED ? any : 0;
        // Identity is acceptable when nobody names it, but then it is no one's preference: any gzip q wins.
        int identityQ = identity != UNNAMED ? identity : any != UNNAMED ? any : 1;
        if (gzipQ > 0 && gzipQ >= identityQ) {
            return GZIP;
        }
        if (identityQ > 0) {
            return IDENTITY;
        }
        return gzipQ > 0 ? GZIP : NONE;
    }

    /** The q of one entry's parameters ("q=0.5", maybe among others) in thousandths; -1 when malformed. */
    private static int quality(String parameters) {
        for (String parameter : parameters.split(";")) {
            String p = parameter.strip();
            if (p.length() < 2 || Character.toLowerCase(p.charAt(0)) != 'q' || p.charAt(1) != '=') {
                continue;
            }
            return thousandths(p.substring(2).strip());
        }
        return 1000;
    }

    /** "0", "0.5", "1.000" and the like (at most three decimals, at most 1); -1 otherwise. */
    private static int thousandths(String value) {
        if (value.isEmpty() || value.length() > 5 || (value.charAt(0) != '0' && value.charAt(0) != '1')) {
            return -1;
        }
        int whole = value.charAt(0) - '0';
        int fraction = 0;
        if (value.length() > 1) {
            if (value.charAt(1) != '.') {
                return -1;
            }
            int scale = 100;
            for (int i = 2; i < value.length(); i++, scale /= 10) {
                char c = value.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                fraction += (c - '0') * scale;
            }
        }
        int q = whole * 1000 + fraction;
        return q > 1000 ? -1 : q;
    }
}
