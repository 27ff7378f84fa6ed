package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hallway.directory.FollowManagers;
import org.hallway.testing.ApiTest;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The people directory, people search and the org chart over the API. */
class PeopleApiTest extends ApiTest {
    @Autowired
    FollowManagers followManagers;

    @Test
    void searchRanksExactNameBeforeNamePrefixBeforeTitleAndSkill() {
        var titled = p.add("tlead", "Tara Quinn", "Team Lead", "Support", "Oslo", null);
        var prefixed = p.add("lbetter", "Leadbetter Stone", "Driver", "Logistics", "Oslo", null);
        var exact = p.add("lead", "Lead", "Intern", "Sales", "Oslo", null);
        var skilled = p.add("sk", "Sam Kim", "Coach", "People", "Oslo", null);
        anonymous
                .as(skilled.token())
                .patch("/api/v1/accounts/update_credentials", Map.of("skills", List.of("leadership")));

        var found = ids(alice.get("/api/v1/accounts/search?q=lead").body());
        assertThat(found).containsSubsequence(exact.idString(), prefixed.idString(), titled.idString());
        assertThat(found).contains(skilled.idString());
        assertThat(found.indexOf(exact.idString())).isZero();

        assertThat(ids(alice.get("/api/v1/accounts/search?q=logist").body())).containsExactly(prefixed.idString());
        assertThat(ids(alice.get("/api/v1/accounts/search?q=%23leader").body())).containsExactly(skilled.idString());
        assertThat(ids(alice.get("/api/v1/accounts/search?q=lead&limit=1").body()))
                .containsExactly(exact.idString());
        assertThat(ids(alice.get("/api/v1/accounts/search?q=lead&limit=1&offset=1")
                        .body()))
                .containsExactly(prefixed.idString());
    }

    @Test
    void searchCanBeLimitedToFollowedColleagues() {
        var fan = p.add("fanny", "Fanny Fan", "", "", "", null);
        var fanApi = anonymous.as(fan.token());
        follow(fanApi, p.tom);
        assertThat(ids(fanApi.get("/api/v1/accounts/search?q=t&following=true").body()))
                .containsExactly(p.tom.idString());
    }

    @Test
    void directoryFiltersByDepartmentLocationTitleAndSkill() {
        var other = factory.create();
        var ana = other.add("ana", "Ana Alves", "Data Engineer", "Data", "Porto", null);
        var ben = other.add("ben", "Ben Berg", "Data Scientist", "Data", "Berlin", null);
        other.add("cid", "Cid Cruz", "Designer", "Design", "Porto", null);
        var api = anonymous.as(ana.token());
        anonymous.as(ben.token()).patch("/api/v1/accounts/update_credentials", Map.of("skills", List.of("python")));

        assertThat(ids(api.get("/api/v1/directory?department=data&order=new").body()))
                .containsExactly(ben.idString(), ana.idString());
        assertThat(ids(api.get("/api/v1/directory?department=Data&location=porto")
                        .body()))
                .containsExactly(ana.idString());
        assertThat(ids(api.get("/api/v1/directory?title=scient").body())).containsExactly(ben.idString());
        assertThat(ids(api.get("/api/v1/directory?skill=Python&local=true").body()))
                .containsExactly(ben.idString());
        var page = api.get("/api/v1/directory?order=new&limit=2&offset=1");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().size()).isEqualTo(2);
        assertThat(api.get("/api/v1/directory?order=sideways").status()).isEqualTo(422);
        // Another network's colleagues are never listed.
        assertThat(ids(api.get("/api/v1/directory?limit=80").body())).doesNotContain(p.alice.idString());
    }

    @Test
    void orgChartFollowsManagersToTheTopWithReportsAndPeers() {
        var chart = orgChart();
        var dev1 = alice.get("/api/v1/accounts/" + chart.dev1.idString() + "/org_chart");
        assertThat(dev1.status()).isEqualTo(200);
        assertThat(ids(dev1.body().get("managers")))
                .containsExactly(chart.ceo.idString(), chart.vp.idString(), chart.lead.idString());
        assertThat(ids(dev1.body().get("peers")))
                .contains(chart.dev2.idString())
                .doesNotContain(chart.dev1.idString());
        assertThat(dev1.body().get("reports").size()).isZero();
        var lead = alice.get("/api/v1/accounts/" + chart.lead.idString() + "/org_chart");
        // By name; a newcomer another test adds may come after them.
        assertThat(ids(lead.body().get("reports"))).containsSubsequence(chart.dev1.idString(), chart.dev2.idString());
        assertThat(alice.get("/api/v1/accounts/1/org_chart").status()).isEqualTo(404);
    }

    @Test
    void newColleaguesFollowTheirManagerChainAndDepartmentLeads() {
        var chart = orgChart();
        var newcomer = p.add("newbie", "Nina New", "Engineer", "Dev", "Oslo", "lead_dev");
        followManagers.handle(p.networkId, newcomer.id());
        var relationships = anonymous
                .as(newcomer.token())
                .get("/api/v1/accounts/relationships?id[]=" + chart.ceo.idString() + "&id[]=" + chart.vp.idString()
                        + "&id[]=" + chart.lead.idString() + "&id[]=" + chart.dev1.idString());
        var following = new java.util.HashMap<String, Boolean>();
        for (var r : relationships.body())
            following.put(r.get("id").asString(), r.get("following").asBoolean());
        assertThat(following)
                .containsEntry(chart.ceo.idString(), true)
                .containsEntry(chart.vp.idString(), true)
                .containsEntry(chart.lead.idString(), true)
                .containsEntry(chart.dev1.idString(), false);
    }

    record Chart(
            Personas.Persona ceo,
            Personas.Persona vp,
            Personas.Persona lead,
            Personas.Persona dev1,
            Personas.Persona dev2) {}

    private Chart chart;

    private Chart orgChart() {
        if (chart != null) return chart;
        var ceo = p.add("ceo", "Cora Chief", "CEO", "Board", "Oslo", null);
        var vp = p.add("vp", "Victor Vance", "VP Engineering", "Dev", "Oslo", "ceo");
        var lead = p.add("lead_dev", "Lena Lead", "Engineering Lead", "Dev", "Oslo", "vp");
        var dev1 = p.add("dev1", "Dana Dev", "Engineer", "Dev", "Oslo", "lead_dev");
        var dev2 = p.add("dev2", "Dirk Dev", "Engineer", "Dev", "Oslo", "lead_dev");
        chart = new Chart(ceo, vp, lead, dev1, dev2);
        return chart;
    }
}
