package org.masthead.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto headers are believed.
 * From anyone else those headers are ignored: a reader could write anything in them.
 * Entries are addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code ::1}); names are not
 * allowed, so nothing is ever looked up.
 */
public final class TrustedProxies {
    private static final Pattern LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    /** Parses a list like {@code "127.0.0.1, 10.0.0.0/8"}; a malformed entry is an error, never silently skipped. */
    public static TrustedProxies parse(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            byte[] address = bytes(slash < 0 ? entry : entry.substring(0, slash));
            int bits = address == null ? -1 : address.length * 8;
            if (address != null && slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
            }
            if (address == null || bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("not an IP address or CIDR range: \"" + entry + "\"");
            }
            ranges.add(new Range(address, bits));
        }
        return new TrustedProxies(ranges);
    }

    private static byte[] bytes(String literal) {
        if (!LITERAL.matcher(literal).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    boolean trusts(String address) {
        byte[] bytes = address == null ? null : bytes(address);
        return bytes != null && ranges.stream().anyMatch(r -> r.contains(bytes));
    }

    /** The client's address: the peer, or, behind trusted proxies, the last X-Forwarded-For hop they did not add. */
    public String clientIp(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || !trusts(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!trusts(hop)) {
                return bytes(hop) == null ? peer : hop;
            }
        }
        return hops[0].strip();
    }

    /** http or https as the reader used it: a trusted proxy's X-Forwarded-Proto, else the connection's own. */
    public String scheme(Context ctx) {
        String own = ctx.req().getScheme();
        String forwarded = ctx.header("X-Forwarded-Proto");
        if (forwarded == null || !trusts(ctx.req().getRemoteAddr())) {
            return own;
        }
        String first = forwarded.split(",")[0].strip().toLowerCase(java.util.Locale.ROOT);
        return first.equals("https") || first.equals("http") ? first : own;
    }
}
