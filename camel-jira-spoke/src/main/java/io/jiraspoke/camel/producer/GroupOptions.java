package io.jiraspoke.camel.producer;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The endpoint options of the {@code group} family. Cloud identifies a group by id or name and prefers the id (names
 * can change); Data Center by name only. When both are set the id is used.
 */
@UriParams
public class GroupOptions {

    @UriParam(label = "producer", description = "The group, by name.")
    private String groupName;
    @UriParam(label = "producer", description = "The group, by id (Cloud only; wins over groupName).")
    private String groupId;
    @UriParam(label = "producer", description = "group/delete: the group, by name, that takes over the"
                                                + " deleted group's permissions and restrictions.")
    private String swapGroupName;
    @UriParam(label = "producer", description = "group/delete: the group, by id, that takes over the"
                                                + " deleted group's permissions and restrictions (Cloud only).")
    private String swapGroupId;

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    public String getGroupId() {
        return groupId;
    }

    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public String getSwapGroupName() {
        return swapGroupName;
    }

    public void setSwapGroupName(String swapGroupName) {
        this.swapGroupName = swapGroupName;
    }

    public String getSwapGroupId() {
        return swapGroupId;
    }

    public void setSwapGroupId(String swapGroupId) {
        this.swapGroupId = swapGroupId;
    }
}
