package org.masthead.privacy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What the consent log keeps of an IP address: the network (IPv4 /24, IPv6 /48), hashed
 * with SHA-256 and a server secret, first 16 hex digits. Enough to tell that two records
 * came from the same network, never enough to recover the address.
 */
public final class IpDigest {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final byte[] secret;

    IpDigest(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    String of(String ip) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(secret);
            sha.update((byte) 0);
            sha.update(network(ip).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The address with its host part zeroed; anything that is not an IP literal counts as "unknown". */
    public static String network(String ip) {
        String address = ip == null ? "" : ip.strip();
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        // Only literals reach InetAddress, so no name is ever looked up.
        if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
            return "unknown";
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int keep = bytes.length == 4 ? 3 : 6;
            for (int i = keep; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
