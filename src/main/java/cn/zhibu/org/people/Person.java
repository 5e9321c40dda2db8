package cn.zhibu.org.people;

import cn.zhibu.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** Someone the branch works with: a party member, a probationary member, an activist or not a member. */
@Entity
@Table(name = "person")
public class Person extends VersionedEntity {

    @Column(name = "external_id", length = 64, unique = true)
    public String externalId;

    @Column(nullable = false, length = 32)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Gender gender;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "political_status", nullable = false, length = 16)
    public PoliticalStatus politicalStatus;

    @Column(name = "party_join_date")
    public LocalDate partyJoinDate;

    @Column(name = "job_title", length = 64)
    public String jobTitle;

    @Column(name = "leading_cadre", nullable = false)
    public boolean leadingCadre;

    /** The phone number, encrypted (see FieldCipher). */
    @Column(name = "phone_cipher")
    public byte[] phoneCipher;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "left_on")
    public LocalDate leftOn;

    /** When the retention purge erased this person who left: contact fields cleared, name 已离开成员. */
    @Column(name = "erased_at")
    public Instant erasedAt;
}
