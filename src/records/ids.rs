//! Attempt ids and the ids derived from them (UUIDs, as xAPI wants).

/// A fresh random attempt id (a version 4 UUID).
pub fn new_attempt_id() -> String {
    uuid_from_bits(rand::random::<u128>())
}

/// An attempt id from a seed, for generated attempts that must be the same
/// on every run.
pub fn seeded_attempt_id(seed: u64) -> String {
    let high = splitmix(seed);
    let low = splitmix(high ^ 0x5851_F42D_4C95_7F2D);
    uuid_from_bits((u128::from(high) << 64) | u128::from(low))
}

/// A UUID derived from `base` and `index`: the same inputs always give the
/// same id, so exporting a record twice gives the same statement ids (a
/// learning record store then ignores the duplicate).
pub fn derived_uuid(base: &str, index: u64) -> String {
    let mut hash = 0xCBF2_9CE4_8422_2325u64;
    for byte in base.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01B3);
    }
    let high = splitmix(hash ^ index.rotate_left(32));
    let low = splitmix(high ^ index);
    uuid_from_bits((u128::from(high) << 64) | u128::from(low))
}

fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Formats 128 bits as a version 4, RFC 4122 variant UUID.
fn uuid_from_bits(bits: u128) -> String {
    let bits = (bits & !(0xF << 76)) | (0x4 << 76);
    let bits = (bits & !(0x3 << 62)) | (0x2 << 62);
    let hex = format!("{bits:032x}");
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_v4(id: &str) -> bool {
        let parts: Vec<&str> = id.split('-').collect();
        parts.iter().map(|p| p.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
            && parts[2].starts_with('4')
            && matches!(parts[3].as_bytes()[0], b'8' | b'9' | b'a' | b'b')
            && id.chars().all(|c| c == '-' || c.is_ascii_hexdigit())
    }

    #[test]
    fn ids_are_version_4_uuids() {
        assert!(is_v4(&new_attempt_id()));
        assert!(is_v4(&seeded_attempt_id(7)));
        assert!(is_v4(&derived_uuid("x", 3)));
    }

    #[test]
    fn derived_ids_are_stable_and_distinct() {
        let base = seeded_attempt_id(1);
        assert_eq!(derived_uuid(&base, 2), derived_uuid(&base, 2));
        let ids: std::collections::HashSet<String> =
            (0..1000).map(|i| derived_uuid(&base, i)).collect();
        assert_eq!(ids.len(), 1000);
        assert_ne!(seeded_attempt_id(1), seeded_attempt_id(2));
        assert_ne!(new_attempt_id(), new_attempt_id());
    }
}
