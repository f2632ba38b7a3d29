import { Box } from "ink";
import { headerSegments, type SessionInfo } from "../view/chrome.js";
import { SegmentLine } from "./SegmentLine.js";

export function Header({ info, width }: { info: SessionInfo; width: number }) {
  return (
    <Box height={1} width={width}>
      <SegmentLine segments={headerSegments(info, width)} />
    </Box>
  );
}
