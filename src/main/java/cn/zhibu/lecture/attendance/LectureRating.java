package cn.zhibu.lecture.attendance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An attendee's score (1 to 5) of a delivered micro lecture, once per attendee. */
@Entity
@Table(name = "lecture_rating")
@IdClass(LectureRating.Key.class)
public class LectureRating extends PanacheEntityBase {

    @Id
    @Column(name = "lecture_id")
    public UUID lectureId;

    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Column(nullable = false)
    public short score;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The key: a lecture and the person rating it. */
    public static class Key implements Serializable {

        public UUID lectureId;
        public UUID personId;

        public Key() {
        }

        public Key(UUID lectureId, UUID personId) {
            this.lectureId = lectureId;
            this.personId = personId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(lectureId, key.lectureId)
                    && Objects.equals(personId, key.personId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(lectureId, personId);
        }
    }
}
