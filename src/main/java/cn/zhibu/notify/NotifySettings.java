package cn.zhibu.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;

/** Notices: the inbox and WeChat subscribe messages ({@code zhibu.notify.*}). */
@ConfigMapping(prefix = "zhibu.notify")
public interface NotifySettings {

    /**
     * Whether notices also go to WeChat as subscribe messages. Off: they reach the inbox only, and no delivery rows
     * are written (turning it on later does not send old notices).
     */
    @WithDefault("false")
    boolean wechatSend();

    /** When a branch's quiet hours begin unless it chose its own (business time zone). */
    @WithDefault("22:00")
    LocalTime quietFrom();

    /** When a branch's quiet hours end unless it chose its own (business time zone). */
    @WithDefault("07:30")
    LocalTime quietUntil();

    /** When the daily digests (items waiting for review; on Mondays the weekly ones) are raised, business zone. */
    @WithDefault("0 0 9 * * ?")
    String digestCron();

    /**
     * The mini-program's subscribe-message templates by notice kind ({@code zhibu.notify.templates.SESSION_COMING.id}
     * and {@code ….data.thing1=title}); a kind without a template reaches the inbox only.
     */
    Map<String, Template> templates();

    /** One subscribe-message template of the mini-program, as registered in the WeChat console. */
    interface Template {

        /** The template's id ({@code priTmplId}). */
        String id();

        /**
         * Its data keys onto the notice's fields ({@code thing1=title}, {@code time2=time}); a key's type is its name
         * without the digits ({@code thing}: cut to 20 characters; {@code time}/{@code date}: formatted).
         */
        Map<String, String> data();

        /** The mini-program page opened from the message. */
        Optional<String> page();
    }
}
