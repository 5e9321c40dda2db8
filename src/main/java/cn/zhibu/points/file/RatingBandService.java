package cn.zhibu.points.file;

import cn.zhibu.org.OrgUnitService;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.points.file.RatingBandViews.Band;
import cn.zhibu.points.file.RatingBandViews.Effective;
import cn.zhibu.points.file.RatingBandViews.Source;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rating bands (评定档次): a unit's own, or else those of the nearest unit above that has its own, or
 * else the defaults (优秀 ≥ 80, 良好 ≥ 60, 合格 ≥ 0). A year's total earns the first band, highest
 * first, whose minimum it reaches; below the last one, none.
 */
@ApplicationScoped
public class RatingBandService {


    public static final List<Band> DEFAULTS = List.of(new Band("优秀", 80), new Band("良好", 60), new Band("合格", 0));

    private final OrgUnitService units;
    private final BusinessCalendar calendar;
    private final EntityManager em;

    RatingBandService(OrgUnitService units, BusinessCalendar calendar, EntityManager em) {
        this.units = units;
        this.calendar = calendar;
        this.em = em;
    }

    /** The bands that hold in a unit (a known one), and where they come from. */
    public Effective effective(UUID unitId) {
        List<UUID> upward = upward(unitId);
        Map<UUID, RatingBandSet> sets = RatingBandSet.<RatingBandSet>list("unitId in ?1", upward).stream()
                .collect(Collectors.toMap(set -> set.unitId, Function.identity()));
        for (UUID unit : upward) {
            RatingBandSet set = sets.get(unit);
            if (set != null) {
                boolean own = unit.equals(unitId);
                return new Effective(unitId, own ? Source.OWN : Source.INHERITED, unit, bands(set),
                        own ? tag(set) : null);
            }
        }
        return new Effective(unitId, Source.DEFAULT, null, DEFAULTS, null);
    }

    /** The band a total earns under these bands: the first whose minimum it reaches. */
    public static Optional<Band> band(List<Band> bands, long total) {
        return bands.stream().filter(band -> total >= band.minPoints()).findFirst();
    }

    /**
     * The entity tag of a unit's own bands: a digest of the set's id and version, so it changes with every
     * change and bands removed and set again (a new set, from version 0) never take up an earlier tag.
     */
    static long tag(RatingBandSet set) {
        return cn.zhibu.platform.http.EntityTags.ofContent((set.id + "|" + set.version)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sets a unit's own bands: a first time without If-Match, a change with the If-Match of its current
     * tag (428 without it).
     */
    @Transactional
    public Effective change(UUID unitId, String ifMatch, RatingBandViews.Change request, String updatedBy) {
        check(request.bands());
        lock(unitId);
        Optional<RatingBandSet> stored = RatingBandSet.find("unitId", unitId).firstResultOptional();
        RatingBandSet set;
        if (stored.isPresent()) {
            set = stored.get();
            IfMatch.parse(ifMatch).check(tag(set));
        } else {
            if (ifMatch != null && !ifMatch.isBlank()) {
                IfMatch.parse(ifMatch).check(-1); // no version of them exists to match
            }
            set = new RatingBandSet();
            set.id = UUID.randomUUID();
            set.unitId = unitId;
            set.createdAt = calendar.now();
        }
        set.bands.clear();
        request.bands().forEach(band -> set.bands.add(new RatingBandSet.Band(band.name(), band.minPoints())));
        set.updatedBy = updatedBy;
        set.updatedAt = calendar.now();
        set.persistAndFlush();
        return effective(unitId);
    }

    /** Removes a unit's own bands (If-Match of their tag): it inherits again. */
    @Transactional
    public Effective remove(UUID unitId, String ifMatch) {
        IfMatch precondition = IfMatch.parse(ifMatch);
        lock(unitId);
        RatingBandSet set = RatingBandSet.<RatingBandSet>find("unitId", unitId).firstResultOptional()
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        precondition.check(tag(set));
        set.delete();
        em.flush();
        return effective(unitId);
    }

    /** Changes to a unit's own bands run one at a time. */
    private void lock(UUID unitId) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "rating-bands|" + unitId).getSingleResult();
    }

    private static void check(List<Band> bands) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < bands.size(); i++) {
            if (!names.add(bands.get(i).name())) {
                throw new ProblemException(RatingProblem.RATING_BAND_NAMES_REPEATED, bands.get(i).name());
            }
            if (i > 0 && bands.get(i).minPoints() >= bands.get(i - 1).minPoints()) {
                throw new ProblemException(RatingProblem.RATING_BANDS_NOT_DESCENDING, bands.get(i).name(),
                        bands.get(i - 1).name());
            }
        }
    }

    private static List<Band> bands(RatingBandSet set) {
        return set.bands.stream().map(band -> new Band(band.name, band.minPoints)).toList();
    }

    /** The unit itself, then each unit above it, nearest first. */
    private List<UUID> upward(UUID unitId) {
        String path = units.path(unitId).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        List<UUID> ids = new ArrayList<>(Arrays.stream(path.substring(1, path.length() - 1).split("/"))
                .map(UUID::fromString).toList());
        Collections.reverse(ids);
        return ids;
    }
}
