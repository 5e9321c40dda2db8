package cn.zhibu.integrity.entry;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an entry's sealed payload holds: its content, an amendment's reason, and a random salt that keeps
 * the entry's hash from being guessed from the content. Its exact serialised bytes are what the hash covers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Payload(EntryContent content, String amendReason, String salt) {
}
