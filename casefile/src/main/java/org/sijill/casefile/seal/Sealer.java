package org.sijill.casefile.seal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seals and opens single values. A sealed value is text, {@code sealed:1:} followed by the
 * base64url of Tink's ciphertext (key id, nonce, AES-256-GCM ciphertext and tag), so it fits in any
 * text column, JSON value or log detail where the plain value would have gone.
 *
 * <p>Three states: a case with <b>no keys</b> ({@link #none()}; values are stored as given and
 * {@link #sealing()} is false, so callers can warn), a <b>locked</b> case (keys exist, the
 * passphrase was not given: sealing throws, sealed values read as {@link #LOCKED}) and an
 * <b>unlocked</b> one. Values that are not sealed (written before the case had keys, or public by
 * choice) read as they are in every state.
 */
public final class Sealer {
  /** What a sealed value reads as when the case is locked. */
  public static final String LOCKED = "(locked)";

  /** What a sealed value reads as when it cannot be opened with these keys (altered, foreign). */
  public static final String UNREADABLE = "(unreadable)";

  static final String PREFIX = "sealed:1:";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The custody-log details that identify people: sealed when the case has keys. */
  public static final Set<String> CUSTODY_DETAILS = Set.of("source", "url", "note", "reason");

  private enum State {
    NO_KEYS,
    LOCKED,
    UNLOCKED
  }

  private final State state;
  private final Aead aead;
  private final int keys;

  private Sealer(State state, Aead aead, int keys) {
    this.state = state;
    this.aead = aead;
    this.keys = keys;
  }

  /** For a case without keys: nothing is sealed. */
  public static Sealer none() {
    return new Sealer(State.NO_KEYS, null, 0);
  }

  /** For a case whose keys exist but were not unlocked. */
  public static Sealer locked() {
    return new Sealer(State.LOCKED, null, 0);
  }

  static Sealer unlocked(Aead aead, int keys) {
    return new Sealer(State.UNLOCKED, aead, keys);
  }

  /** Whether the case has keys, so that identifying values are sealed (or refused when locked). */
  public boolean sealing() {
    return state != State.NO_KEYS;
  }

  /** Whether sealed values can be opened. */
  public boolean unlocked() {
    return state == State.UNLOCKED;
  }

  /** How many data keys the unlocked keyring holds (0 when not unlocked). */
  public int dataKeys() {
    return keys;
  }

  /** A word for the state, for status lines: {@code no keys}, {@code locked}, {@code unlocked}. */
  public String describe() {
    return switch (state) {
      case NO_KEYS -> "no keys";
      case LOCKED -> "locked";
      case UNLOCKED -> "unlocked";
    };
  }

  public static boolean isSealed(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  /**
   * Seals {@code plain} for the field named {@code field} (bound into the ciphertext as associated
   * data). Null stays null; on a case without keys the value is returned as it is.
   *
   * @throws KeyringException when the case is locked: writing a value that must be sealed needs the
   *     passphrase
   */
  public String seal(String plain, String field) {
    if (plain == null || state == State.NO_KEYS || isSealed(plain)) {
      return plain;
    }
    if (state == State.LOCKED) {
      throw new KeyringException(
          "this case is locked: give the passphrase (prompt, or SIJILL_PASSPHRASE_FILE) to record "
              + field);
    }
    try {
      byte[] c = aead.encrypt(plain.getBytes(StandardCharsets.UTF_8), ad(field));
      return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(c);
    } catch (GeneralSecurityException e) {
      throw new KeyringException("cannot seal " + field + ": " + e.getMessage(), e);
    }
  }

  /**
   * The plain value of a stored one: itself when it is not sealed, {@link #LOCKED} when it is and
   * the case is locked, {@link #UNREADABLE} when these keys cannot open it.
   */
  public String reveal(String stored, String field) {
    if (!isSealed(stored)) {
      return stored;
    }
    if (state != State.UNLOCKED) {
      return LOCKED;
    }
    try {
      byte[] c = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length()));
      return new String(aead.decrypt(c, ad(field)), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return UNREADABLE;
    }
  }

  /** Custody details with the identifying ones sealed ({@link #CUSTODY_DETAILS}). */
  public Map<String, String> sealDetails(Map<String, String> details) {
    Map<String, String> out = new LinkedHashMap<>(details);
    out.replaceAll((k, v) -> CUSTODY_DETAILS.contains(k) ? seal(v, "custody." + k) : v);
    return out;
  }

  /** Custody details as a reader sees them (see {@link #reveal}). */
  public Map<String, String> revealDetails(Map<String, String> details) {
    Map<String, String> out = new LinkedHashMap<>(details);
    out.replaceAll((k, v) -> reveal(v, "custody." + k));
    return out;
  }

  /**
   * A JSON object's text with each sealed string value revealed; the field of key {@code k} is
   * {@code prefix + k}. Text that is not a JSON object is returned as it is.
   */
  public String revealJson(String json, String prefix) {
    if (json == null || !json.contains(PREFIX)) {
      return json;
    }
    try {
      JsonNode node = JSON.readTree(json);
      if (!(node instanceof ObjectNode o)) {
        return json;
      }
      List<String> keys = new ArrayList<>();
      o.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        if (o.get(k).isTextual()) {
          o.put(k, reveal(o.get(k).asText(), prefix + k));
        }
      }
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      return json;
    }
  }

  /** A JSON object's text with each of the given keys' values sealed ({@code prefix + key}). */
  public String sealJson(String json, String prefix, Set<String> keys) {
    if (json == null || state == State.NO_KEYS) {
      return json;
    }
    try {
      JsonNode node = JSON.readTree(json);
      if (!(node instanceof ObjectNode o)) {
        return json;
      }
      for (String k : keys) {
        if (o.has(k) && o.get(k).isTextual() && !o.get(k).asText().isEmpty()) {
          o.put(k, seal(o.get(k).asText(), prefix + k));
        }
      }
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * A JSON document's text with every non-empty string value, at any depth, sealed for {@code
   * field}; structure, numbers and booleans stay as they are. On a case without keys the text is
   * returned as it is.
   */
  public String sealJsonText(String json, String field) {
    if (json == null || state == State.NO_KEYS) {
      return json;
    }
    try {
      JsonNode node = JSON.readTree(json);
      return JSON.writeValueAsString(walk(node, v -> seal(v, field)));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A JSON document's text with every sealed string value, at any depth, revealed. */
  public String revealJsonText(String json, String field) {
    if (json == null || !json.contains(PREFIX)) {
      return json;
    }
    try {
      return JSON.writeValueAsString(walk(JSON.readTree(json), v -> reveal(v, field)));
    } catch (JsonProcessingException e) {
      return json;
    }
  }

  private static JsonNode walk(JsonNode node, java.util.function.UnaryOperator<String> f) {
    if (node instanceof ObjectNode o) {
      List<String> keys = new ArrayList<>();
      o.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        JsonNode v = o.get(k);
        if (v.isTextual()) {
          if (!v.asText().isEmpty()) {
            o.put(k, f.apply(v.asText()));
          }
        } else {
          walk(v, f);
        }
      }
    } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        JsonNode v = a.get(i);
        if (v.isTextual()) {
          if (!v.asText().isEmpty()) {
            a.set(i, JSON.getNodeFactory().textNode(f.apply(v.asText())));
          }
        } else {
          walk(v, f);
        }
      }
    }
    return node;
  }

  private static byte[] ad(String field) {
    return ("sijill:" + field).getBytes(StandardCharsets.UTF_8);
  }
}
