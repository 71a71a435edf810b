package dev.switchyard.admin;

/**
 * Changing one's own password, or an administrator's reset (which needs no current
 * password).
 */
public class PasswordForm {

    private String currentPassword;

    private String newPassword;

    private String confirmPassword;

    public String getCurrentPassword() {
        return this.currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return this.newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmPassword() {
        return this.confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }

    /**
     * @return whether the two new-password fields agree
     */
    boolean confirmed() {
        return this.newPassword != null && this.newPassword.equals(this.confirmPassword);
    }

}
