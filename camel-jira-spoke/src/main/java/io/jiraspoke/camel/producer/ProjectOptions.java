package io.jiraspoke.camel.producer;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The endpoint options of the {@code project} family. The project acted on (and the key of a new project) is the
 * shared option {@code projectKey}, what Jira expands the shared option {@code expand}.
 */
@UriParams
public class ProjectOptions {

    @UriParam(label = "producer", description = "The name of a new project.")
    private String projectName;
    @UriParam(label = "common",
              description = "The project type (software, service_desk or business): of a new project (needed unless"
                            + " projectTemplateKey implies it), or the types project/list lists on Jira Cloud (comma"
                            + " separated).")
    private String projectTypeKey;
    @UriParam(label = "producer", description = "The lead of a new project: an account id on Jira Cloud, a user name"
                                                + " on Data Center.")
    private String projectLead;
    @UriParam(label = "producer", description = "The template of a new project, e.g."
                                                + " com.pyxis.greenhopper.jira:gh-simplified-scrum-classic; its type"
                                                + " must match projectTypeKey.")
    private String projectTemplateKey;
    @UriParam(label = "producer", enums = "PROJECT_LEAD,UNASSIGNED",
              description = "Whom new issues of a new project are assigned to by default.")
    private String assigneeType;
    @UriParam(label = "producer", description = "The description of a new project.")
    private String projectDescription;
    @UriParam(label = "common", description = "Jira Cloud: list only the projects whose key or name matches this"
                                              + " text (case insensitive).")
    private String projectQuery;
    @UriParam(label = "common", enums = "category,-category,+category,key,-key,+key,name,-name,+name,owner,-owner,"
                                        + "+owner,issueCount,-issueCount,+issueCount,lastIssueUpdatedDate,"
                                        + "-lastIssueUpdatedDate,+lastIssueUpdatedDate,archivedDate,+archivedDate,"
                                        + "-archivedDate,deletedDate,+deletedDate,-deletedDate",
              description = "Jira Cloud: the order project/list lists projects in (Jira's default: key).")
    private String projectOrderBy;
    @UriParam(label = "common", description = "Also list archived projects. When not set Jira's default applies:"
                                              + " live projects only.")
    private Boolean includeArchived;
    @UriParam(label = "common", description = "Only the users whose name, display name or e-mail address starts"
                                              + " with this text (Jira Cloud: query, Data Center: username).")
    private String userQuery;

    public String getProjectName() {
        return projectName;
    }

    public void setProjectName(String projectName) {
        this.projectName = projectName;
    }

    public String getProjectTypeKey() {
        return projectTypeKey;
    }

    public void setProjectTypeKey(String projectTypeKey) {
        this.projectTypeKey = projectTypeKey;
    }

    public String getProjectLead() {
        return projectLead;
    }

    public void setProjectLead(String projectLead) {
        this.projectLead = projectLead;
    }

    public String getProjectTemplateKey() {
        return projectTemplateKey;
    }

    public void setProjectTemplateKey(String projectTemplateKey) {
        this.projectTemplateKey = projectTemplateKey;
    }

    public String getAssigneeType() {
        return assigneeType;
    }

    public void setAssigneeType(String assigneeType) {
        this.assigneeType = assigneeType;
    }

    public String getProjectDescription() {
        return projectDescription;
    }

    public void setProjectDescription(String projectDescription) {
        this.projectDescription = projectDescription;
    }

    public String getProjectQuery() {
        return projectQuery;
    }

    public void setProjectQuery(String projectQuery) {
        this.projectQuery = projectQuery;
    }

    public String getProjectOrderBy() {
        return projectOrderBy;
    }

    public void setProjectOrderBy(String projectOrderBy) {
        this.projectOrderBy = projectOrderBy;
    }

    public Boolean getIncludeArchived() {
        return includeArchived;
    }

    public void setIncludeArchived(Boolean includeArchived) {
        this.includeArchived = includeArchived;
    }

    public String getUserQuery() {
        return userQuery;
    }

    public void setUserQuery(String userQuery) {
        this.userQuery = userQuery;
    }
}
