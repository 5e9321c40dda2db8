package cn.zhibu.privacy.mydata;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** A member's export of their own data ({@code zhibu.my-data.*}). */
@ConfigMapping(prefix = "zhibu.my-data")
public interface MyDataSettings {

    /** How many exports a person may make in any hour (counted in the database, so across replicas). */
    @WithDefault("3")
    @Min(1)
    @Max(100)
    int perHour();
}
