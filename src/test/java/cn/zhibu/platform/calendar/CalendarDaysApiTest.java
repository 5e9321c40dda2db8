package cn.zhibu.platform.calendar;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestDates;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Holidays and adjusted working days over HTTP: create, read with ETags, update with If-Match, list by page. */
@QuarkusTest
class CalendarDaysApiTest {

    static final String DAYS = "/v1/calendar-days";

    @Inject
    CalendarDayService service;

    static Response create(LocalDate date, String kind, String name) {
        return Api.as("calendar-admin", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("date", date.toString(), "kind", kind, "name", name)).post(DAYS);
    }

    @Test
    void createdDayCanBeReadAndChangesTheWorkingCalendar() {
        LocalDate saturday = TestDates.unique();
        while (saturday.getDayOfWeek() != java.time.DayOfWeek.SATURDAY) {
            saturday = TestDates.unique();
        }
        assertFalse(service.isWorkday(saturday));
        Response created = create(saturday, "WORKDAY", "国庆调休上班");
        created.then().statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", "\"0\"")
                .body("date", equalTo(saturday.toString()))
                .body("kind", equalTo("WORKDAY"))
                .body("name", equalTo("国庆调休上班"))
                .body("version", equalTo(0));
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith(DAYS + "/" + id));
        Api.as("reader", Roles.MEMBER).get(DAYS + "/" + id).then().statusCode(200)
                .header("ETag", "\"0\"").body("id", equalTo(id));
        assertTrue(service.isWorkday(saturday));
    }

    @Test
    void etagsAnswerConditionalReadsAndGuardUpdates() {
        String id = create(TestDates.unique(), "HOLIDAY", "元旦").path("id");
        String url = DAYS + "/" + id;
        Api.as("reader", Roles.MEMBER).header("If-None-Match", "\"0\"").get(url).then().statusCode(304);
        Api.as("reader", Roles.MEMBER).header("If-None-Match", "\"7\"").get(url).then().statusCode(200);

        LocalDate date = LocalDate.parse(Api.as("reader", Roles.MEMBER).get(url).path("date"));
        Map<String, String> change = Map.of("date", date.toString(), "kind", "HOLIDAY", "name", "元旦假期");
        Api.as("calendar-admin", Roles.ORG_ADMIN).body(change).put(url).then().statusCode(428)
                .body("code", equalTo("PRECONDITION_REQUIRED"));
        Api.as("calendar-admin", Roles.ORG_ADMIN).header("If-Match", "\"0\"").body(change).put(url)
                .then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("元旦假期"))
                .body("version", equalTo(1));
        Api.as("calendar-admin", Roles.ORG_ADMIN).header("If-Match", "\"0\"")
                .body(Map.of("date", date.toString(), "kind", "HOLIDAY", "name", "stale")).put(url)
                .then().statusCode(412).body("code", equalTo("PRECONDITION_FAILED"));
        Api.as("reader", Roles.MEMBER).get(url).then().body("name", equalTo("元旦假期"));
        Api.as("reader", Roles.MEMBER).header("If-None-Match", "\"0\"").get(url).then().statusCode(200);

        Api.as("calendar-admin", Roles.ORG_ADMIN).header("If-Match", "\"0\"").delete(url).then().statusCode(412);
        Api.as("calendar-admin", Roles.ORG_ADMIN).header("If-Match", "\"1\"").delete(url).then().statusCode(204);
        Api.as("reader", Roles.MEMBER).get(url).then().statusCode(404);
    }

    @Test
    void aDateCanBeSetOnlyOnce() {
        LocalDate date = TestDates.unique();
        create(date, "HOLIDAY", "春节").then().statusCode(201);
        create(date, "WORKDAY", "again").then().statusCode(409).body("code", equalTo("CALENDAR_DAY_EXISTS"));
        String other = create(TestDates.unique(), "HOLIDAY", "other").path("id");
        Api.as("calendar-admin", Roles.ORG_ADMIN).header("If-Match", "\"0\"")
                .body(Map.of("date", date.toString(), "kind", "HOLIDAY", "name", "moved")).put(DAYS + "/" + other)
                .then().statusCode(409).body("code", equalTo("CALENDAR_DAY_EXISTS"));
    }

    @Test
    void listsPageByPageInDateOrderWithoutGapsOrRepeats() {
        List<String> made = new ArrayList<>();
        LocalDate from = null;
        LocalDate to = null;
        for (int i = 0; i < 7; i++) {
            LocalDate date = TestDates.unique();
            from = from == null ? date : from;
            to = date;
            create(date, "HOLIDAY", "day " + i).then().statusCode(201);
            made.add(date.toString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = Api.as("reader", Roles.MEMBER).queryParam("from", from.toString())
                    .queryParam("to", to.toString()).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(DAYS);
            page.then().statusCode(200);
            seen.addAll(page.path("items.date"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(made, seen);
        assertEquals(3, pages);
    }

    @Test
    void pageParametersAreChecked() {
        LocalDate date = TestDates.unique();
        create(date, "HOLIDAY", "a").then().statusCode(201);
        create(TestDates.unique(), "HOLIDAY", "b").then().statusCode(201);
        String cursor = Api.as("reader", Roles.MEMBER).queryParam("from", date.toString()).queryParam("limit", 1)
                .get(DAYS).path("nextCursor");
        for (String limit : List.of("0", "101", "-1", "ten", "1.5")) {
            Api.as("reader", Roles.MEMBER).queryParam("limit", limit).get(DAYS).then().statusCode(400)
                    .body("code", equalTo("INVALID_PARAMETER"));
        }
        Api.as("reader", Roles.MEMBER).queryParam("from", date.toString()).queryParam("cursor", cursor)
                .get(DAYS).then().statusCode(200);
        // the same cursor with another query, altered, or made up
        Api.as("reader", Roles.MEMBER).queryParam("cursor", cursor).get(DAYS).then().statusCode(400)
                .body("code", equalTo("INVALID_CURSOR"));
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("[\"1999-01-01\"]".getBytes()) + cursor.substring(cursor.indexOf('.'));
        Api.as("reader", Roles.MEMBER).queryParam("from", date.toString()).queryParam("cursor", forged)
                .get(DAYS).then().statusCode(400).body("code", equalTo("INVALID_CURSOR"));
        Api.as("reader", Roles.MEMBER).queryParam("cursor", "garbage").get(DAYS).then().statusCode(400)
                .body("code", equalTo("INVALID_CURSOR"));
    }

    @Test
    void lastPageHasNoCursorAndDefaultsApply() {
        LocalDate date = TestDates.unique();
        create(date, "HOLIDAY", "only").then().statusCode(201);
        Api.as("reader", Roles.MEMBER).queryParam("from", date.toString()).queryParam("to", date.toString())
                .get(DAYS).then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("nextCursor", nullValue());
    }

    @Test
    void onlyAdminsChangeTheCalendarAndOnlySignedInCallersReadIt() {
        LocalDate date = TestDates.unique();
        Map<String, String> body = Map.of("date", date.toString(), "kind", "HOLIDAY", "name", "x");
        for (String role : List.of(Roles.MEMBER, Roles.SECRETARY, Roles.INTEGRITY_OFFICER)) {
            Api.as("someone", role).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post(DAYS)
                    .then().statusCode(403);
        }
        Api.anonymous().header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post(DAYS)
                .then().statusCode(401);
        String id = create(date, "HOLIDAY", "x").path("id");
        Api.as("someone", Roles.MEMBER).header("If-Match", "\"0\"").body(body).put(DAYS + "/" + id)
                .then().statusCode(403);
        Api.as("someone", Roles.MEMBER).header("If-Match", "\"0\"").delete(DAYS + "/" + id).then().statusCode(403);
        Api.anonymous().get(DAYS + "/" + id).then().statusCode(401);
        Api.anonymous().get(DAYS).then().statusCode(401);
        assertEquals("x", Api.as("reader", Roles.MEMBER).get(DAYS + "/" + id).path("name"));
    }

    @Test
    void http2ClientsCanCreateToo() throws Exception {
        LocalDate date = TestDates.unique();
        String json = "{\"date\":\"" + date + "\",\"kind\":\"HOLIDAY\",\"name\":\"h2\"}";
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        for (int i = 0; i < 2; i++) { // the first request upgrades the connection (h2c), the second uses it
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create(RestAssured.baseURI + ":" + RestAssured.port + DAYS))
                    .header("Authorization", "Bearer " + Api.token("calendar-admin", Roles.ORG_ADMIN))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "h2-" + date)
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, response.statusCode(), response.body());
            assertEquals(String.valueOf(i == 1), response.headers().firstValue("Idempotent-Replayed").orElse(""));
        }
        Api.as("reader", Roles.MEMBER).queryParam("from", date.toString()).queryParam("to", date.toString())
                .get(DAYS).then().statusCode(200).body("items.name", org.hamcrest.Matchers.contains("h2"));
    }
}
