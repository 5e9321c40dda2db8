package cn.zhibu.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The service with its demo data ({@code zhibu.demo=true}). Every demo test uses this one profile, so the demo app starts once. */
public class DemoProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("zhibu.demo", "true");
    }
}
