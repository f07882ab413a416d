package org.splitinfer.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Places the labels of a chart's points so that no two overlap, none covers a point or crosses another's leader
 * line or a line of the chart, and each stays inside the plot; every label gets a leader line back to its point.
 *
 * <h2>Notes</h2>
 * <ul>
 *   <li>Greedy and deterministic: labels are placed in the order given (callers put the most important first), each
 *       at the free spot whose leader is shortest. Spots lie beside the point, right or left, at a growing gap
 *       ({@link #GAPS}) and a whole number of label heights up or down, so the labels of points on one spot form a
 *       column beside it. Ties go right (where a reader looks for a label), then nearer the point's height, then
 *       above. The same input gives the same layout, byte for byte.</li>
 *   <li>Only beside, never straight above or below: labels centred over a point would ring it in, and no later
 *       leader could get out; from the side, leaders to one column fan out without crossing its labels.</li>
 *   <li>A label's box is its text's estimated extent ({@link Svg#width}) plus a pixel of air; a point blocks the
 *       square around its circle; a leader runs from the circle's edge to the box's nearest point.</li>
 *   <li>When no spot is free (a plot far too crowded), the label takes the nearest spot inside the plot and may
 *       overlap; charts here have tens of points, so this is a guard, not a path.</li>
 * </ul>
 */
final class LabelLayout {
    /** Gaps between a point's edge and its label's near side, px: close first, then spreading out. */
    static final double[] GAPS = {4, 14, 28, 46, 68, 94, 124, 158, 196, 238};

    /** Label heights a spot may sit above or below the point's height, at most. */
    private static final int MAX_ROWS = 16;

    private final Box bounds;
    private final double fontSize;
    /** Labels placed and fixed regions: nothing may overlap them or cross them with a leader. */
    private final List<Box> taken = new ArrayList<>();
    /** Points: no label may cover one; a leader may pass over one (points of one spot sit on each other). */
    private final List<Box> points = new ArrayList<>();
    /** Leaders placed and the chart's own lines (roofs, slopes): no label may lie across one. */
    private final List<double[]> leaders = new ArrayList<>();

    /**
     * @param bounds   where labels may go, px
     * @param fontSize the labels' font size, px
     */
    LabelLayout(Box bounds, double fontSize) {
        this.bounds = bounds;
        this.fontSize = fontSize;
    }

    /**
     * A rectangle, px, y down.
     *
     * @param left   left edge
     * @param top    top edge
     * @param right  right edge
     * @param bottom bottom edge
     */
    record Box(double left, double top, double right, double bottom) {
        boolean overlaps(Box other) {
            return left < other.right && other.left < right && top < other.bottom && other.top < bottom;
        }

        boolean inside(Box outer) {
            return left >= outer.left && right <= outer.right && top >= outer.top && bottom <= outer.bottom;
        }

        /** Whether the segment from (x1, y1) to (x2, y2) passes through the box (Liang–Barsky clipping). */
        boolean crossedBy(double x1, double y1, double x2, double y2) {
            double dx = x2 - x1;
            double dy = y2 - y1;
            double[] p = {-dx, dx, -dy, dy};
            double[] q = {x1 - left, right - x1, y1 - top, bottom - y1};
            double enter = 0;
            double leave = 1;
            for (int i = 0; i < 4; i++) {
                if (p[i] == 0) {
                    if (q[i] < 0) {
                        return false;
                    }
                } else {
                    double t = q[i] / p[i];
                    if (p[i] < 0) {
                        enter = Math.max(enter, t);
                    } else {
                        leave = Math.min(leave, t);
                    }
                }
            }
            return enter < leave;
        }
    }

    /**
     * A placed label: its box, where its text starts, and its leader line from the point's edge to the box.
     *
     * @param box      the label's extent
     * @param textX    the text's start (anchor {@code start})
     * @param baseline the text's baseline
     * @param leaderX1 leader start, on the point's circle
     * @param leaderY1 leader start
     * @param leaderX2 leader end, on the box's edge
     * @param leaderY2 leader end
     */
    record Placed(Box box, double textX, double baseline, double leaderX1, double leaderY1, double leaderX2,
                  double leaderY2) {
    }

    /**
     * Marks a region no label may cover: a fixed label, a legend.
     *
     * @param box the region
     */
    void block(Box box) {
        taken.add(box);
    }

    /**
     * Marks a line of the chart (a roof, a slope) that no label may lie across; leaders may cross it.
     *
     * @param x1 start, px
     * @param y1 start, px
     * @param x2 end, px
     * @param y2 end, px
     */
    void blockLine(double x1, double y1, double x2, double y2) {
        leaders.add(new double[] {x1, y1, x2, y2});
    }

    /**
     * Marks a point no label may cover.
     *
     * @param x      centre, px
     * @param y      centre, px
     * @param radius radius, px
     */
    void blockPoint(double x, double y, double radius) {
        points.add(new Box(x - radius - 1, y - radius - 1, x + radius + 1, y + radius + 1));
    }

    /**
     * Places one label for a point; call {@link #blockPoint} for every point first.
     *
     * @param x      the point's centre, px
     * @param y      the point's centre, px
     * @param radius the point's radius, px
     * @param text   the label
     * @return where it goes
     */
    Placed place(double x, double y, double radius, String text) {
        double width = Svg.width(text, fontSize) + 2;
        double height = Math.ceil(fontSize * 1.25) + 2;
        List<Spot> spots = new ArrayList<>();
        int order = 0;
        for (double gap : GAPS) {
            for (int side = 0; side < 2; side++) {
                double left = side == 0 ? x + radius + gap : x - radius - gap - width;
                for (int row = 0; row <= 2 * MAX_ROWS; row++) {
                    // 0, -1, +1, -2, +2, ...: rows above first
                    int offset = (row + 1) / 2 * (row % 2 == 1 ? -1 : 1);
                    double top = y - height / 2 + offset * (height + 1);
                    Box box = new Box(left, top, left + width, top + height);
                    if (box.inside(bounds)) {
                        double[] leader = leader(x, y, radius, box);
                        spots.add(new Spot(box, leader, Math.hypot(leader[2] - x, leader[3] - y), side,
                                Math.abs(offset), order++));
                    }
                }
            }
        }
        spots.sort(Comparator.comparingDouble(Spot::length).thenComparingInt(Spot::side)
                .thenComparingInt(Spot::rows).thenComparingInt(Spot::order));
        for (Spot spot : spots) {
            if (free(spot.box(), spot.leader())) {
                return accept(spot.box(), spot.leader());
            }
        }
        Box fallback = spots.isEmpty()
                // not even the plot holds it: pin it inside the top-left corner
                ? new Box(bounds.left, bounds.top, bounds.left + width, bounds.top + height) : spots.get(0).box();
        return accept(fallback, leader(x, y, radius, fallback));
    }

    /** A candidate spot: its box, its leader, and what ranks it. */
    private record Spot(Box box, double[] leader, double length, int side, int rows, int order) {
    }

    private Placed accept(Box box, double[] leader) {
        taken.add(box);
        leaders.add(leader);
        // the text's baseline sits about 0.8 em below the top of its line (ascent), the box has a pixel of air
        return new Placed(box, box.left() + 1, box.top() + 1 + Math.round(fontSize * 0.85), leader[0], leader[1],
                leader[2], leader[3]);
    }

    private boolean free(Box box, double[] leader) {
        for (Box point : points) {
            if (point.overlaps(box)) {
                return false;
            }
        }
        for (Box other : taken) {
            if (other.overlaps(box) || other.crossedBy(leader[0], leader[1], leader[2], leader[3])) {
                return false;
            }
        }
        for (double[] other : leaders) {
            if (box.crossedBy(other[0], other[1], other[2], other[3])) {
                return false;
            }
        }
        return true;
    }

    /** From the circle's edge, towards the box, to the box's nearest point. */
    private static double[] leader(double x, double y, double radius, Box box) {
        double endX = Math.max(box.left(), Math.min(x, box.right()));
        double endY = Math.max(box.top(), Math.min(y, box.bottom()));
        double dx = endX - x;
        double dy = endY - y;
        double length = Math.sqrt(dx * dx + dy * dy);
        if (length == 0) {
            return new double[] {x, y, x, y};
        }
        return new double[] {x + dx / length * radius, y + dy / length * radius, endX, endY};
    }
}
