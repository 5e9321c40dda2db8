package cn.zhibu.identity.accounts;

import cn.zhibu.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** What signs in: a person's account (WeChat, demo) or a staff account (password), or both. */
@Entity
@Table(name = "account")
public class Account extends VersionedEntity {

    @Column(name = "person_id")
    public UUID personId;

    public String username;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "password_one_time", nullable = false)
    public boolean passwordOneTime;

    @Column(name = "wechat_openid")
    public String wechatOpenid;

    @Column(name = "wechat_unionid")
    public String wechatUnionid;

    @Column(nullable = false)
    public boolean active;
}
