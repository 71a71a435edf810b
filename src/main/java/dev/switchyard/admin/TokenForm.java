package dev.switchyard.admin;

/**
 * A new personal access token.
 */
public class TokenForm {

    private String name;

    private Integer validDays;

    public String getName() {
        return this.name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getValidDays() {
        return this.validDays;
    }

    public void setValidDays(Integer validDays) {
        this.validDays = validDays;
    }

}
