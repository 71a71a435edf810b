package dev.switchyard.scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One line of a scope version: a source object (or one of its fields), its decision, the
 * rationale and the record rules that give some of its records another decision.
 */
@Entity
@Table(name = "scope_line")
public class ScopeLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "scope_version_id")
    private ScopeVersion scopeVersion;

    private int position;

    private String object;

    private String field;

    @Enumerated(EnumType.STRING)
    private Decision decision;

    private String rationale;

    @JdbcTypeCode(SqlTypes.JSON)
    private List<Map<String, Object>> rules = new ArrayList<>();

    protected ScopeLine() {
    }

    ScopeLine(ScopeVersion scopeVersion, int position, String object, String field, Decision decision, String rationale,
            List<Map<String, Object>> rules) {
        this.scopeVersion = scopeVersion;
        this.position = position;
        this.object = object;
        this.field = field;
        this.decision = decision;
        this.rationale = rationale;
        this.rules = new ArrayList<>(rules);
    }

    public Long getId() {
        return this.id;
    }

    public int getPosition() {
        return this.position;
    }

    public String getObject() {
        return this.object;
    }

    public String getField() {
        return this.field;
    }

    public Decision getDecision() {
        return this.decision;
    }

    public String getRationale() {
        return this.rationale;
    }

    /**
     * @return the record rules as stored (JSON objects of
     * {@code dev.switchyard.scope.rule.RecordRule})
     */
    public List<Map<String, Object>> getRules() {
        return this.rules;
    }

}
